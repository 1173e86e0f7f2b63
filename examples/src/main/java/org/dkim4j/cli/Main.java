package org.dkim4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code dkim4j} command: a mail administrator's DKIM and DMARC toolbox built on the library.
 *
 * <p>Exit codes: 0 success, 1 a check failed (e.g. no passing signature), 2 usage or I/O error.
 */
@Command(
    name = "dkim4j",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Sign and verify DKIM, evaluate DMARC, generate and check keys.",
    subcommands = {
      DemoCommand.class,
      KeygenCommand.class,
      CheckDnsCommand.class,
      SignCommand.class,
      VerifyCommand.class,
      DmarcCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** Exit code for success. */
  public static final int OK = 0;

  /** Exit code when the checked property does not hold (e.g. no passing signature). */
  public static final int CHECK_FAILED = 1;

  /** Exit code for usage and I/O errors. */
  public static final int ERROR = 2;

  @Option(
      names = "--debug",
      description = "Print stack traces of errors.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new Io(System.in, System.out, System.err)));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, Io io) {
    CommandLine cli = new CommandLine(new Main(), new Factory(io));
    PrintWriter err = new PrintWriter(io.err(), true);
    cli.setOut(new PrintWriter(io.out(), true));
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> ERROR);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println("dkim4j: " + e.getMessage());
          err.println("Try 'dkim4j " + commandName(e.getCommandLine()) + "--help' for usage.");
          return ERROR;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("dkim4j: " + message(e));
          if (isDebug(parseResult)) {
            e.printStackTrace(err);
          }
          return ERROR;
        });
    return cli.execute(args);
  }

  private static String commandName(CommandLine commandLine) {
    return commandLine.getParent() == null ? "" : commandLine.getCommandName() + " ";
  }

  private static boolean isDebug(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  private static String message(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + e.getMessage();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + e.getMessage();
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** Creates commands, handing each the streams it reads and writes. */
  private record Factory(Io io) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (var constructor : type.getDeclaredConstructors()) {
        if (constructor.getParameterCount() == 1
            && constructor.getParameterTypes()[0] == Io.class) {
          constructor.setAccessible(true);
          return type.cast(constructor.newInstance(io));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"dkim4j " + (version == null ? "(development build)" : version)};
    }
  }
}
