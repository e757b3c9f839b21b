package org.lateral.cpd;

import java.util.List;

/**
 * A model of reflection whose stages become a reflection's headings ({@code lateral new reflection
 * --model gibbs}).
 *
 * @param id     the file's name, as {@code reflection:} and {@code --model} name it
 * @param name   what the page calls it ("Gibbs' reflective cycle")
 * @param source where the model comes from
 * @param stages its stages in order
 */
public record ReflectionModel(String id, String name, String source, List<Stage> stages) {

    public ReflectionModel {
        stages = List.copyOf(stages);
    }

    /** A stage: the heading it gets and a short prompt written under it as a comment. */
    public record Stage(String heading, String prompt) {
    }
}
