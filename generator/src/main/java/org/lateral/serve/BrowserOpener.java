package org.lateral.serve;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** {@code --open}: the preview in the default browser, or a line saying to open it by hand. */
final class BrowserOpener {

    private BrowserOpener() {
    }

    /** The command that opens an address on this system, when there is no desktop API. */
    static List<String> command(String os, URI address) {
        String o = os.toLowerCase(Locale.ROOT);
        if (o.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", address.toString());
        }
        if (o.contains("mac")) {
            return List.of("open", address.toString());
        }
        return List.of("xdg-open", address.toString());
    }

    static void open(URI address, Consumer<String> warn) {
        Thread t = new Thread(() -> {
            try {
                if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(address);
                    return;
                }
                Process p = new ProcessBuilder(command(System.getProperty("os.name", ""), address))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor() != 0) {
                    throw new IOException("the system's opener failed");
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                warn.accept("warning: could not open a browser (" + e.getMessage() + ") — fix: open " + address
                        + " in your browser yourself");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lateral-open");
        t.setDaemon(true);
        t.start();
    }
}
