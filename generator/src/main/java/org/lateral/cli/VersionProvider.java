package org.lateral.cli;

import org.lateral.Lateral;
import picocli.CommandLine;

/** {@code --version} on every command. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Lateral " + Lateral.version() + " (" + Lateral.build() + ")",
            "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"};
    }
}
