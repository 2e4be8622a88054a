package org.freezedesk.cases.internal;

import java.math.BigDecimal;
import java.util.Set;

import org.freezedesk.cases.RequestedAmounts;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #amounts.grouped(x)} in every template: an amount as people read it ("1,000.5"), so that every page and
 * the PDF report show amounts one way, while the records keep the plain decimal that forms and the API read back.
 */
@Component
class AmountsDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "amounts";

    /** The expression object: one method for text and numbers alike, so a null value is not ambiguous. */
    public static final class Amounts {

        /** A number, or a plain decimal as text, grouped by thousands with its exact decimals; anything else as it is. */
        public String grouped(Object amount) {
            if (amount instanceof BigDecimal decimal) {
                return RequestedAmounts.grouped(decimal);
            }
            return amount == null ? null : RequestedAmounts.grouped(amount.toString());
        }
    }

    private static final Amounts AMOUNTS = new Amounts();

    AmountsDialect() {
        super("FreezeDesk amounts");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? AMOUNTS : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
