package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.LinkRenewalProcess;
import org.freezedesk.recovery.internal.FreezeHoldProcess;
import org.freezedesk.recovery.internal.RecoveryProcess;
import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every expression in {@code bpmn/*.bpmn} refers to what exists: a {@code camunda:delegateExpression} names a
 * {@link JavaDelegate} bean of the process's own module (a call activity's variable mapping, a
 * {@link DelegateVariableMapping}), by a name its constants class declares; every other
 * expression (conditions, timers, collections, assignees, mappings) reads process variables that the constants
 * class declares, and never calls a bean. A rename that the BPMN does not follow fails here, not at run time.
 */
@FreezeDeskTest
class BpmnExpressionsTest {

    /** The constants class of each process: its bean names and variables. */
    private static final Map<String, Class<?>> PROCESSES = Map.of(
            CounterpartyRequestProcess.KEY, CounterpartyRequestProcess.class,
            LinkRenewalProcess.KEY, LinkRenewalProcess.class,
            FreezeRequestProcess.KEY, FreezeRequestProcess.class,
            RecoveryProcess.KEY, RecoveryProcess.class,
            FreezeHoldProcess.KEY, FreezeHoldProcess.class);

    /** What the engine itself provides to expressions: the execution, and a business-rule task's result. */
    /** User tasks whose work another module does, so their listeners live there (see the README's module table). */
    private static final Map<String, String> TASK_OWNERS = Map.of("legalReview", "org.freezedesk.review",
            "onCallApproval", "org.freezedesk.review", "secondReview", "org.freezedesk.review");

    private static final Set<String> ENGINE_NAMES = Set.of("execution", "decisionResult");

    private static final Set<String> EL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty", "div", "mod",
            "true", "false", "null", "instanceof");

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern ROOT_IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");

    @Autowired ApplicationContext context;

    @Test
    void everyExpressionInTheProcessModelsRefersToADelegateOfItsModuleOrAProcessVariable() throws Exception {
        Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn");
        assertThat(models).hasSizeGreaterThanOrEqualTo(PROCESSES.size());
        List<String> problems = new ArrayList<>();
        Set<String> processes = new HashSet<>();
        for (Resource model : models) {
            try (InputStream in = model.getInputStream()) {
                processes.addAll(check(model.getFilename(), in, problems));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(processes).containsExactlyInAnyOrderElementsOf(PROCESSES.keySet());
    }

    @Test
    void aMissingBeanOrABeanCalledFromAConditionIsReported() throws Exception {
        String model = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="test">
                  <process id="counterparty-request" isExecutable="true">
                    <serviceTask id="a" camunda:delegateExpression="${noSuchDelegate}"/>
                    <serviceTask id="b" camunda:delegateExpression="${markHoldLapsed}"/>
                    <callActivity id="e" calledElement="counterparty-request" camunda:variableMappingDelegateExpression="${sendNotification}"/>
                    <sequenceFlow id="c" sourceRef="a" targetRef="b">
                      <conditionExpression>${counterpartyRequestRepository.allTargetsAnswered(counterpartyRequestId)}</conditionExpression>
                    </sequenceFlow>
                    <sequenceFlow id="d" sourceRef="a" targetRef="b">
                      <conditionExpression>${allTargetsAnswered and unknownVariable}</conditionExpression>
                    </sequenceFlow>
                  </process>
                </definitions>""";
        List<String> problems = new ArrayList<>();
        check("test.bpmn", new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8)), problems);
        assertThat(problems).containsExactlyInAnyOrder(
                "test.bpmn a: delegateExpression ${noSuchDelegate}: no bean named noSuchDelegate",
                "test.bpmn b: delegateExpression ${markHoldLapsed}: not named in CounterpartyRequestProcess",
                "test.bpmn b: delegateExpression ${markHoldLapsed}: bean of another module (org.freezedesk.recovery)",
                "test.bpmn e: delegateExpression ${sendNotification}: not a DelegateVariableMapping",
                "test.bpmn c: ${counterpartyRequestRepository.allTargetsAnswered(counterpartyRequestId)} calls bean counterpartyRequestRepository",
                "test.bpmn d: ${allTargetsAnswered and unknownVariable} reads unknownVariable, not a variable of CounterpartyRequestProcess");
    }

    /** Checks one model, adds what is wrong to {@code problems}, and answers the processes it defines. */
    private Set<String> check(String file, InputStream in, List<String> problems) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(in);
        Set<String> processes = new HashSet<>();
        NodeList processElements = document.getElementsByTagNameNS("*", "process");
        for (int i = 0; i < processElements.getLength(); i++) {
            Element process = (Element) processElements.item(i);
            String key = process.getAttribute("id");
            processes.add(key);
            Class<?> constants = PROCESSES.get(key);
            if (constants == null) {
                problems.add(file + ": process " + key + " has no constants class");
                continue;
            }
            walk(file, process, key, constants, problems);
        }
        return processes;
    }

    private void walk(String file, Element element, String where, Class<?> constants, List<String> problems) {
        String id = element.getAttribute("id").isEmpty() ? where : element.getAttribute("id");
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if ("delegateExpression".equals(attribute.getLocalName())) {
                boolean taskListener = "taskListener".equals(element.getLocalName());
                checkDelegate(file + " " + id, attribute.getValue(), constants, taskListener ? TaskListener.class : JavaDelegate.class,
                        taskListener ? TASK_OWNERS.getOrDefault(where, module(constants)) : module(constants), problems);
            } else if ("variableMappingDelegateExpression".equals(attribute.getLocalName())) {
                checkDelegate(file + " " + id, attribute.getValue(), constants, DelegateVariableMapping.class, module(constants), problems);
            } else {
                checkExpressions(file + " " + id, attribute.getValue(), constants, problems);
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(file, e, id, constants, problems);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkExpressions(file + " " + id, child.getNodeValue(), constants, problems);
            }
        }
    }

    private void checkDelegate(String where, String expression, Class<?> constants, Class<?> type, String ownModule,
            List<String> problems) {
        Matcher bean = Pattern.compile("\\$\\{(\\w+)}").matcher(expression);
        if (!bean.matches()) {
            problems.add(where + ": delegateExpression " + expression + " is not a bean name");
            return;
        }
        String name = bean.group(1);
        if (!context.containsBean(name)) {
            problems.add(where + ": delegateExpression " + expression + ": no bean named " + name);
            return;
        }
        if (!names(constants).contains(name)) {
            problems.add(where + ": delegateExpression " + expression + ": not named in " + constants.getSimpleName());
        }
        Object delegate = context.getBean(name);
        if (!type.isInstance(delegate)) {
            problems.add(where + ": delegateExpression " + expression + ": not a " + type.getSimpleName());
        }
        String module = module(AopUtils.getTargetClass(delegate));
        if (!module.equals(ownModule)) {
            problems.add(where + ": delegateExpression " + expression + ": bean of another module (" + module + ")");
        }
    }

    private void checkExpressions(String where, String text, Class<?> constants, List<String> problems) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher identifier = ROOT_IDENTIFIER.matcher(STRING_LITERAL.matcher(expression.group(1)).replaceAll("''"));
            while (identifier.find()) {
                String name = identifier.group(1);
                if (EL_WORDS.contains(name) || ENGINE_NAMES.contains(name)) {
                    continue;
                }
                if (context.containsBean(name)) {
                    problems.add(where + ": " + expression.group() + " calls bean " + name);
                } else if (!names(constants).contains(name)) {
                    problems.add(where + ": " + expression.group() + " reads " + name + ", not a variable of " + constants.getSimpleName());
                }
            }
        }
    }

    /** The values of a constants class's {@code public static final String} fields. */
    private static Set<String> names(Class<?> constants) {
        Set<String> names = new HashSet<>();
        for (Field field : constants.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /** {@code org.freezedesk.<module>}, whatever sub-package the class sits in. */
    private static String module(Class<?> type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length < 3 ? type.getPackageName() : parts[0] + "." + parts[1] + "." + parts[2];
    }
}
