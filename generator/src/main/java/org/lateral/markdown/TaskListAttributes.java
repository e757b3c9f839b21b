package org.lateral.markdown;

import java.util.Map;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Classes for task list items (for the theme's CSS) and a name for each checkbox, so screen
 * readers say "done" or "not done" rather than an unlabelled checkbox.
 */
final class TaskListAttributes implements AttributeProvider {

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof TaskListItemMarker marker && tagName.equals("input")) {
            attributes.put("class", "task-list-item-checkbox");
            attributes.put("aria-label", marker.isChecked() ? "done" : "not done");
        } else if (node instanceof ListItem && isTask(node)) {
            attributes.put("class", "task-list-item");
        }
    }

    private static boolean isTask(Node item) {
        Node first = item.getFirstChild();
        return first instanceof TaskListItemMarker
                || (first != null && first.getFirstChild() instanceof TaskListItemMarker);
    }
}
