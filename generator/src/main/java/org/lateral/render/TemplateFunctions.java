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
        DateTimeFormatter fullDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        DateTimeFormatter shortTime = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        TemplateMethodModelEx eventWhen = args -> {
            Object o = args.isEmpty() ? null : DeepUnwrap.unwrap((TemplateModel) args.get(0));
            if (!(o instanceof org.lateral.site.Event e)) {
                throw new TemplateModelException("eventWhen(…) needs an event, e.g. eventWhen(event)");
            }
            return eventWhen(e, zone, locale, fullDate, shortTime, strings);
        };
        return Map.of("formatDate", formatDate, "isoDate", isoDate, "t", t, "eventWhen", eventWhen);
    }

    /**
     * When an event happens, in words in the site's language: "Thursday, 14 March 2030, 16:30 to
     * 18:30", "Monday, 1 September 2030 (all day)", with the time zone's name when it is not the
     * site's. The patterns are the theme's strings {@code event_*}.
     */
    static String eventWhen(org.lateral.site.Event e, ZoneId siteZone, Locale locale, DateTimeFormatter fullDate,
            DateTimeFormatter shortTime, Strings strings) {
        String first = e.start().format(fullDate);
        String text;
        if (e.allDay()) {
            text = e.oneDay() ? strings.get("event_all_day", first)
                    : strings.get("event_days", first, e.lastDay().format(fullDate));
        } else if (e.end().isEmpty()) {
            text = strings.get("event_time", first, e.start().format(shortTime));
        } else if (e.oneDay()) {
            text = strings.get("event_time_range", first, e.start().format(shortTime), e.end().get().format(shortTime));
        } else {
            text = strings.get("event_range", first, e.start().format(shortTime), e.end().get().format(fullDate),
                    e.end().get().format(shortTime));
        }
        if (!e.inZone(siteZone)) {
            text = text + " " + strings.get("event_zone", e.zone().getDisplayName(java.time.format.TextStyle.FULL, locale));
        }
        return text;
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
        if (o instanceof String text) { // a date written in front matter and kept as text (imported comments)
            try {
                return java.time.OffsetDateTime.parse(text.strip()).toZonedDateTime();
            } catch (java.time.format.DateTimeParseException notADateTime) {
                try {
                    return java.time.LocalDate.parse(text.strip()).atStartOfDay(zone);
                } catch (java.time.format.DateTimeParseException notADay) {
                    // said below
                }
            }
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
