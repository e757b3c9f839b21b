package org.lateral.render;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The functions every template can call: {@code formatDate(date[, pattern])},
 * {@code isoDate(date)}, {@code t(key, args…)} for the theme's words. A date is a page's
 * {@code ZonedDateTime} or an {@code Instant} (a hub entry's), shown in the site's time zone.
 * Built once per build for the site's language and time zone.
 */
final class TemplateFunctions {

    private TemplateFunctions() {
    }

    static Map<String, TemplateModel> create(Locale locale, ZoneId zone, Strings strings) {
        DateTimeFormatter longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        TemplateMethodModelEx formatDate = args -> {
            ZonedDateTime d = date(args, "formatDate", zone).withZoneSameInstant(zone);
            if (args.size() > 1) {
                return d.format(DateTimeFormatter.ofPattern(scalar(args.get(1)), locale));
            }
            return d.format(longDate);
        };
        TemplateMethodModelEx isoDate = args -> date(args, "isoDate", zone).withZoneSameInstant(zone)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        TemplateMethodModelEx t = args -> {
            if (args.isEmpty()) {
                throw new TemplateModelException("t(…) needs the key of a string, e.g. t(\"read_more\")");
            }
            Object[] rest = new Object[args.size() - 1];
            for (int i = 1; i < args.size(); i++) {
                Object a = args.get(i);
                rest[i - 1] = a instanceof TemplateNumberModel n ? n.getAsNumber() : DeepUnwrap.unwrap((TemplateModel) a);
            }
            return strings.get(scalar(args.get(0)), rest);
        };
        return Map.of("formatDate", formatDate, "isoDate", isoDate, "t", t);
    }

    private static ZonedDateTime date(List<?> args, String fn, ZoneId zone) throws TemplateModelException {
        if (args.isEmpty()) {
            throw new TemplateModelException(fn + "(…) needs a date, e.g. " + fn + "(page.date)");
        }
        Object o = DeepUnwrap.unwrap((TemplateModel) args.get(0));
        if (o instanceof ZonedDateTime z) {
            return z;
        }
        if (o instanceof Instant i) {
            return i.atZone(zone);
        }
        if (o instanceof java.time.LocalDate day) { // a day of the CPD record
            return day.atStartOfDay(zone);
        }
        throw new TemplateModelException(fn + "(…) was given " + (o == null ? "nothing" : "\"" + o + "\"")
                + " instead of a date such as page.date");
    }

    private static String scalar(Object model) throws TemplateModelException {
        if (model instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        return String.valueOf(DeepUnwrap.unwrap((TemplateModel) model));
    }
}
