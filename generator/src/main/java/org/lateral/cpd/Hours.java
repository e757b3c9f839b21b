package org.lateral.cpd;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Hours as people write them: {@code 2.5}, {@code 35}, never {@code 2.4999999}. Sums are exact for decimals written. */
public final class Hours {

    private Hours() {
    }

    public static BigDecimal exact(double hours) {
        return BigDecimal.valueOf(hours);
    }

    public static String text(double hours) {
        return text(exact(hours));
    }

    public static String text(BigDecimal hours) {
        BigDecimal r = hours.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0).toPlainString() : r.toPlainString();
    }

    static String typeName(String type) {
        return type.replace('-', ' ');
    }
}
