package org.yantao.testing;

import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server ({@code java -jar yantao.jar}) as a child process, the way operators run it.
 * Its port is whatever it prints in its "running at" line, so it can be started on port 0; its
 * output is kept so that a failing test can show it.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern RUNNING_AT = Pattern.compile("running at http://127\\.0\\.0\\.1:(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final List<String> output;
  private final int port;

  private ServerProcess(Process process, List<String> output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /** The jar that {@code mvn verify} just built; failsafe passes its path. */
  public static Path jar() {
    String jar = System.getProperty("yantao.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("System property yantao.jar must name the packaged server (run through mvn verify), not " + jar);
    }
    return Path.of(jar);
  }

  /**
   * Starts the server with only the given YANTAO_* settings (any in this JVM's environment are
   * dropped) on an ephemeral port, and returns once its health endpoint answers UP.
   */
  public static ServerProcess start(Vertx vertx, Map<String, String> settings) throws Exception {
    return start(vertx, settings, List.of("-Xmx512m"));
  }

  /** Starts the server as {@link #start(Vertx, Map)} does, with the given JVM options. */
  public static ServerProcess start(Vertx vertx, Map<String, String> settings, List<String> jvmOptions) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("YANTAO_"));
    builder.environment().put("YANTAO_HOST", "127.0.0.1");
    builder.environment().put("YANTAO_PORT", "0");
    builder.environment().putAll(settings);
    Process process = builder.start();

    List<String> output = new ArrayList<>();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> readOutput(process, output, port), "yantao-process-output");
    reader.setDaemon(true);
    reader.start();

    ServerProcess server;
    try {
      server = new ServerProcess(process, output, port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (Exception e) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("The server did not start:\n" + String.join("\n", snapshot(output)), e);
    }
    server.awaitHealthy(vertx);
    return server;
  }

  private static void readOutput(Process process, List<String> output, CompletableFuture<Integer> port) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        synchronized (output) {
          output.add(line);
        }
        Matcher running = RUNNING_AT.matcher(line);
        if (running.find()) {
          port.complete(Integer.parseInt(running.group(1)));
        }
      }
    } catch (IOException closed) {
      // The process is gone; whoever waits for the port learns it below.
    }
    port.completeExceptionally(new IllegalStateException("The server's output ended before it said where it runs"));
  }

  private void awaitHealthy(Vertx vertx) throws InterruptedException {
    ApiClient client = client(vertx);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Reply last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = client.get("/api/health");
        if (last.status() == 200 && "UP".equals(last.json().getString("status"))) {
          return;
        }
      } catch (AssertionError notAnswering) {
        last = null;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The server never reported UP (last answer " + last + "):\n" + String.join("\n", output()));
  }

  public int port() {
    return port;
  }

  /** The operating system's id of the server process, to read its CPU time and memory. */
  public long pid() {
    return process.pid();
  }

  public ApiClient client(Vertx vertx) {
    return ApiClient.create(vertx, "127.0.0.1", port);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. Returns once the process is gone. */
  public void kill() throws InterruptedException {
    killNow();
    awaitExit(Duration.ofSeconds(30));
  }

  /** Sends SIGKILL without waiting, for use on a thread that must not block. */
  public void killNow() {
    process.destroyForcibly();
  }

  /** Waits for the process to end and returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("The server was still running after " + timeout + ":\n" + String.join("\n", output()));
    }
    return process.exitValue();
  }

  /** SIGTERM, as service managers and {@code docker stop} send; returns the exit code. */
  public int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    return awaitExit(timeout);
  }

  public List<String> output() {
    return snapshot(output);
  }

  private static List<String> snapshot(List<String> output) {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
