package dev.jobgen.render;

import dev.jobgen.plan.Directive;
import dev.jobgen.plan.Section;
import dev.jobgen.plan.Unit;
import dev.jobgen.unitfile.RenderedFile;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Units (data) to files (bytes) through FreeMarker templates: {@code service.ftl},
 * {@code timer.ftl}, {@code notify@.service.ftl}, sharing {@code unit.ftl}. Templates see
 * already-escaped values; they decide layout only.
 */
public final class UnitRenderer {
    private final Configuration freemarker;

    public UnitRenderer(TemplateSource source) {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        // templates lay out text: a --templates file must not instantiate Java classes (?new
        // could run a program through freemarker's Execute) or reach Java APIs (?api)
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setLocalizedLookup(false);
        freemarker.setTemplateLoader(loader(source));
    }

    private static TemplateLoader loader(TemplateSource source) {
        StringTemplateLoader user = new StringTemplateLoader();
        for (String name : List.of("unit.ftl", "service.ftl", "timer.ftl", "notify@.service.ftl")) {
            source.override(name).ifPresent(text -> user.putTemplate(name, text));
        }
        ClassTemplateLoader builtIn = new ClassTemplateLoader(UnitRenderer.class.getClassLoader(), TemplateSource.CLASSPATH_ROOT);
        return new MultiTemplateLoader(new TemplateLoader[] {user, builtIn});
    }

    /** Renders units in the order given. A broken user template is reported as {@link TemplateProblem}. */
    public List<RenderedFile> render(List<Unit> units) throws TemplateProblem {
        // a Configuration and its templates are safe to share once set up, so units render on every core
        List<Rendered> rendered = units.parallelStream().map(this::render).toList();
        List<RenderedFile> files = new ArrayList<>();
        for (Rendered r : rendered) {
            if (r.problem() != null) {
                throw r.problem();
            }
            files.add(r.file());
        }
        return files;
    }

    /** A file, or the problem that stopped it (checked exceptions cannot leave a stream). */
    private record Rendered(RenderedFile file, TemplateProblem problem) {}

    private Rendered render(Unit unit) {
        try {
            Template template = freemarker.getTemplate(unit.kind().template());
            StringWriter out = new StringWriter(2048); // a unit file is 1-2 KB: no regrowing
            template.process(model(unit), out);
            return new Rendered(new RenderedFile(unit.name(), out.toString().getBytes(StandardCharsets.UTF_8)), null);
        } catch (IOException | TemplateException | RuntimeException e) {
            return new Rendered(null, new TemplateProblem(unit.kind().template(),
                    e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private static Map<String, Object> model(Unit unit) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section s : unit.sections()) {
            List<Map<String, String>> directives = new ArrayList<>();
            for (Directive d : s.directives()) {
                directives.add(Map.of("key", d.key(), "value", d.value()));
            }
            sections.add(Map.of("name", s.name(), "directives", directives));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", unit.name());
        model.put("comments", unit.comments());
        model.put("sections", sections);
        return model;
    }

    /** A template that does not load or fails while rendering (only user templates can). */
    public static final class TemplateProblem extends Exception {
        private static final long serialVersionUID = 1L;

        public TemplateProblem(String template, String message) {
            super("template " + template + ": " + message.lines().findFirst().orElse(message));
        }
    }
}
