package org.freezedesk;

import java.util.Map;

/**
 * Names the implementations that Jakarta Mail and the JDK's XML datatypes would otherwise look up with a
 * {@link java.util.ServiceLoader} on every use: Jakarta Mail for every part of every message it writes, the engine for
 * every timer it schedules ({@code DatatypeFactory.newInstance()} for each ISO 8601 duration). Each look-up reads the
 * class path's jar indexes; together they took a tenth of the CPU of a whole case in CaseThroughputBenchmark. A value
 * set on the command line is kept.
 */
public final class ServiceProviders {

    private static final Map<String, String> PROVIDERS = Map.of(
            "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider",
            "javax.xml.datatype.DatatypeFactory", "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");

    private ServiceProviders() {
    }

    public static void name() {
        PROVIDERS.forEach((service, provider) -> {
            if (System.getProperty(service) == null) {
                System.setProperty(service, provider);
            }
        });
    }
}
