/**
 * The {@code lateral} command (picocli): a root command and one class per subcommand. Commands map
 * options onto {@link org.lateral.Lateral} and its results onto output and exit codes
 * ({@link org.lateral.cli.ExitCodes}); they hold no logic.
 */
package org.lateral.cli;
