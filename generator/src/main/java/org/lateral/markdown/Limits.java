package org.lateral.markdown;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.commonmark.node.Block;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.lateral.Problem;

/**
 * What one post may hold, so that no file can make a build run out of stack, memory or time:
 * things nested at most {@value #MAX_DEPTH} deep (quotes in quotes, lists in lists), tables of at
 * most {@value #MAX_COLUMNS} columns and {@value #MAX_CELLS} cells. Far beyond any real post; a
 * post past them gets a positioned error saying which limit and how to fix it.
 */
final class Limits {

    static final int MAX_DEPTH = 50;
    static final int MAX_COLUMNS = 100;
    static final int MAX_CELLS = 100_000;

    /** Without extensions or post-processors: it only finds lines, and never recurses. */
    private static final Parser LOCATOR = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private Limits() {
    }

    /**
     * A table too wide or too large, found in the text before parsing (commonmark-java gives every
     * row as many cells as the header has, so 1,800 columns and 3,000 one-cell rows would become
     * 5 million cells).
     */
    static Optional<Problem> tables(String markdown, Path file, int firstLine) {
        String[] lines = markdown.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            int columns = delimiterColumns(lines[i]);
            if (columns <= 1 || lines[i - 1].isBlank()) {
                continue;
            }
            int line = firstLine + i;
            if (columns > MAX_COLUMNS) {
                return Optional.of(Problem.error(file, line, 1, "this table has " + columns
                        + " columns; a table may have at most " + MAX_COLUMNS,
                        "split the table into narrower tables, or attach it as a spreadsheet beside the post"));
            }
            long rows = 1;
            while (i + 1 < lines.length && !lines[i + 1].isBlank()) {
                i++;
                rows++;
            }
            if (rows * columns > MAX_CELLS) {
                return Optional.of(Problem.error(file, line, 1, "this table has " + rows * columns
                        + " cells; a table may have at most " + MAX_CELLS,
                        "split the table into smaller tables, or attach it as a spreadsheet beside the post"));
            }
        }
        return Optional.empty();
    }

    /** The number of columns of a table's delimiter row ({@code |---|:-:|}), or 0 if it is not one. */
    static int delimiterColumns(String line) {
        int columns = 0;
        boolean dash = false;
        boolean cell = false;
        int pipes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '|') {
                pipes++;
                if (cell) {
                    if (!dash) {
                        return 0;
                    }
                    columns++;
                }
                cell = false;
                dash = false;
            } else if (c == '-') {
                cell = true;
                dash = true;
            } else if (c == ':') {
                cell = true;
            } else if (c != ' ' && c != '\t') {
                return 0;
            }
        }
        if (cell) {
            if (!dash) {
                return 0;
            }
            columns++;
        }
        return pipes == 0 ? 0 : columns;
    }

    /** The deepest nesting in a parsed document, walked without recursion. */
    static int depth(Node doc) {
        int max = 0;
        Deque<Node> stack = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        stack.push(doc);
        depths.push(0);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            int d = depths.pop();
            max = Math.max(max, d);
            if (d > MAX_DEPTH) {
                return d;
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                stack.push(c);
                depths.push(d + 1);
            }
        }
        return max;
    }

    /** The error for a post nested too deeply, at the line where it goes past the limit. */
    static Problem tooDeep(String markdown, Path file, int firstLine) {
        int line = firstLine;
        try {
            Node doc = LOCATOR.parse(markdown);
            Deque<Node> stack = new ArrayDeque<>();
            Deque<Integer> depths = new ArrayDeque<>();
            stack.push(doc);
            depths.push(0);
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                int d = depths.pop();
                if (d > MAX_DEPTH) {
                    line = firstLine + lineOf(n);
                    break;
                }
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                    stack.push(c);
                    depths.push(d + 1);
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            line = firstLine;
        }
        return Problem.error(file, line, 1, "quotes, lists or emphasis are nested more than " + MAX_DEPTH
                + " levels deep here", "use fewer levels: a quote inside a quote, or a list inside a list, a few"
                        + " times at most");
    }

    private static int lineOf(Node n) {
        for (Node b = n; b != null; b = b.getParent()) {
            if (b instanceof Block && !b.getSourceSpans().isEmpty()) {
                return b.getSourceSpans().get(b.getSourceSpans().size() - 1).getLineIndex();
            }
        }
        return 0;
    }
}
