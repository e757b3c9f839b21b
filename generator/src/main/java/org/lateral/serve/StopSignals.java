package org.lateral.serve;

/**
 * Turns Ctrl-C (and a termination signal) into a clean stop of the preview: the server and the
 * watcher close, the private folder is removed, and the command (or Maven) ends normally rather
 * than being killed. Where the JVM does not let signals be handled, a shutdown hook does the same.
 */
final class StopSignals {

    private StopSignals() {
    }

    static void onStop(Runnable stop) {
        boolean hook = false;
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.run());
            } catch (RuntimeException | LinkageError e) {
                // ignored by the shell that started us (a background job's INT), or not ours to handle
                hook = true;
            }
        }
        if (hook) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "lateral-stop"));
        }
    }
}
