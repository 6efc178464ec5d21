package org.annals.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.annals.EventDataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code annals} command. {@link #run} is the testable entry point: it never calls {@code
 * System.exit} and prints messages, not stack traces, for user errors. Exit codes: 0 success, 1
 * failure, 2 usage error.
 */
@Command(
    name = "annals",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Turns news articles into coded, dated, located event data.",
    subcommands = {
      CodeCommand.class,
      ReadCommand.class,
      PlacesCommand.class,
      EvalCommand.class,
      TrainCommand.class,
      BenchCommand.class,
      IngestCommand.class,
      RecodeCommand.class,
      ExportCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = run(System.in, System.out, System.err, args);
    System.exit(code);
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new Main(), new Factory(in, out, err));
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    reportErrors(cli);
    CommandLine.IParameterExceptionHandler usage = cli.getParameterExceptionHandler();
    cli.setParameterExceptionHandler(
        (ex, arguments) -> {
          String command = unknownCommand(ex);
          if (command == null) {
            return usage.handleParseException(ex, arguments);
          }
          String near = nearest(command, ex.getCommandLine().getSubcommands().keySet());
          PrintWriter w = ex.getCommandLine().getErr();
          w.println(
              "annals: unknown command '"
                  + org.annals.ingest.InputProblem.escape(command)
                  + "'"
                  + (near == null ? "" : "; did you mean '" + near + "'?"));
          w.println("Run 'annals --help' to list the commands.");
          return 2;
        });
    return cli.execute(args);
  }

  /** The command nearest to {@code typed} (at most two edits, or a prefix of it), or null. */
  static @org.jspecify.annotations.Nullable String nearest(
      String typed, java.util.Collection<String> commands) {
    String best = null;
    int bestDistance = 3;
    for (String c : commands) {
      int d = c.startsWith(typed) && typed.length() >= 2 ? 1 : distance(typed, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Edit distance counting a swap of two neighbouring letters as one edit ("cdoe" → "code"). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The misspelt command of a top-level unmatched first argument, or null. */
  private static @org.jspecify.annotations.Nullable String unknownCommand(
      CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException u)
        || ex.getCommandLine().getCommandSpec().parent() != null
        || u.getUnmatched().isEmpty()) {
      return null;
    }
    String first = u.getUnmatched().get(0);
    return first.startsWith("-") ? null : first;
  }

  /**
   * A user error (bad input, a store in use) prints one line and exits 1; anything else prints its
   * stack trace, which is a bug to report. Shared by every front end's command line.
   */
  public static void reportErrors(CommandLine cli) {
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof EventDataException || ex instanceof IllegalArgumentException) {
            commandLine.getErr().println("annals: " + ex.getMessage());
            return 1;
          }
          commandLine.getErr().println("annals: unexpected error: " + ex);
          ex.printStackTrace(commandLine.getErr());
          return 1;
        });
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Gives each command the streams of this run. */
  record Factory(InputStream in, PrintStream out, PrintStream err) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == CodeCommand.class) {
        return cls.cast(new CodeCommand(in, out, err));
      }
      if (cls == ReadCommand.class) {
        return cls.cast(new ReadCommand(in, out, err));
      }
      if (cls == PlacesCommand.class) {
        return cls.cast(new PlacesCommand(in, out, err));
      }
      if (cls == EvalCommand.class) {
        return cls.cast(new EvalCommand(out, err));
      }
      if (cls == TrainCommand.class) {
        return cls.cast(new TrainCommand(out, err));
      }
      if (cls == IngestCommand.class) {
        return cls.cast(new IngestCommand(in, err));
      }
      if (cls == RecodeCommand.class) {
        return cls.cast(new RecodeCommand(err));
      }
      if (cls == ExportCommand.class) {
        return cls.cast(new ExportCommand(out, err));
      }
      if (cls == BenchCommand.class) {
        return cls.cast(new BenchCommand(out, err));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  /** Version line. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        org.annals.pipeline.Pipeline.CODER_VERSION
            + " (lexicon "
            + org.annals.lexicon.Lexicon.VERSION
            + ", Stanford CoreNLP 4.5.10)"
      };
    }
  }
}
