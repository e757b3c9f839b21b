package org.lateral.render;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What templates may see: plain values only. Strings, numbers, booleans, lists and maps are
 * FreeMarker's own values; {@link Path}s are their text ({@code content/posts/a.md}); of any
 * other object, only the public methods Lateral's model classes declare themselves
 * ({@code page.title}, {@code site.url("…")}) — never a method inherited from Java
 * ({@code getClass()}, an enum's {@code getDeclaringClass()}), never anything of a class outside the
 * model except the read-only parts of dates ({@code site.buildTime.year}). A
 * theme or a site's templates are trusted, but a careless or copied template cannot reach the
 * file system or the JVM through them.
 */
final class TemplateSandbox {

    /** The packages whose classes templates see: the site, its lists, settings, front matter and the hub. */
    private static final Set<String> MODEL_PACKAGES = Set.of("org.lateral.site", "org.lateral.taxonomy", "org.lateral.address",
            "org.lateral.config", "org.lateral.content", "org.lateral.aggregate", "org.lateral.markdown",
            "org.lateral.feed", "org.lateral.search", "org.lateral.render", "org.lateral.cpd", "org.lateral.community");

    private static final ClassMemberAccessPolicy NOTHING = methodsWhere(method -> false);

    private static final ClassMemberAccessPolicy MODEL = methodsWhere(method ->
            isModel(method.getDeclaringClass()) && !Modifier.isStatic(method.getModifiers()));

    /** Of dates and times, only their read-only parts: {@code site.buildTime.year}. */
    private static final ClassMemberAccessPolicy TIME = methodsWhere(method -> {
        Class<?> r = method.getReturnType();
        String n = method.getName();
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass().getPackageName().startsWith("java.time")
                && (n.startsWith("get") || n.startsWith("is"))
                && (r.isPrimitive() || r == String.class || r.getPackageName().startsWith("java.time"));
    });

    /** A policy that exposes the methods {@code exposed} accepts, and never a constructor or field. */
    private static ClassMemberAccessPolicy methodsWhere(java.util.function.Predicate<Method> exposed) {
        return new ClassMemberAccessPolicy() {
            @Override
            public boolean isMethodExposed(Method method) {
                return exposed.test(method);
            }

            @Override
            public boolean isConstructorExposed(Constructor<?> constructor) {
                return false;
            }

            @Override
            public boolean isFieldExposed(Field field) {
                return false;
            }
        };
    }

    /** Exposes the members Lateral's model classes declare, and nothing of any other class. */
    static final MemberAccessPolicy POLICY = new MemberAccessPolicy() {
        @Override
        public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
            if (isModel(contextClass)) {
                return MODEL;
            }
            return contextClass.getPackageName().startsWith("java.time") ? TIME : NOTHING;
        }

        @Override
        public boolean isToStringAlwaysExposed() {
            return true;
        }
    };

    private TemplateSandbox() {
    }

    static boolean isModel(Class<?> c) {
        return MODEL_PACKAGES.contains(c.getPackageName());
    }

    /**
     * The object wrapper: the policy above, {@code Optional.empty()} seen as a missing value and
     * {@code Optional.of(x)} as x, paths as text.
     */
    static DefaultObjectWrapper wrapper(Version version) {
        DefaultObjectWrapperBuilder b = new DefaultObjectWrapperBuilder(version);
        b.setMemberAccessPolicy(POLICY);
        b.setExposeFields(false);
        return new Wrapper(b);
    }

    private static final class Wrapper extends DefaultObjectWrapper {
        Wrapper(DefaultObjectWrapperBuilder b) {
            super(b, true);
        }

        @Override
        public TemplateModel wrap(Object obj) throws TemplateModelException {
            if (obj instanceof Optional<?> o) {
                return o.isPresent() ? wrap(o.get()) : null;
            }
            if (obj instanceof Path p) {
                return new SimpleScalar(p.toString().replace('\\', '/'));
            }
            return super.wrap(obj);
        }
    }
}
