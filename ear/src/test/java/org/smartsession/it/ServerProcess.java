package org.smartsession.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.smartsession.load.ServerMetrics;

/**
 * The Payara Micro process Arquillian started, found by its HTTP port: for the heap it holds after
 * a full collection, which only {@code jcmd} on that process can ask for.
 */
final class ServerProcess {
  private final long pid;
  private final URI base;

  private ServerProcess(long pid, URI base) {
    this.pid = pid;
    this.base = base;
  }

  static ServerProcess listeningOn(int port) {
    long pid =
        ProcessHandle.allProcesses()
            .filter(
                p -> {
                  String line = p.info().commandLine().orElse("");
                  return line.contains("payara-micro") && line.contains("--port " + port);
                })
            .mapToLong(ProcessHandle::pid)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Payara Micro on port " + port));
    return new ServerProcess(pid, URI.create("http://127.0.0.1:" + port + "/"));
  }

  /** Bytes of heap in use right after a full collection, as the server's metrics report them. */
  long heapAfterFullCollection() throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process gc =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + pid + " GC.run failed");
    }
    double heap = ServerMetrics.read(HttpClient.newHttpClient(), base).value(ServerMetrics.HEAP);
    if (Double.isNaN(heap)) {
      throw new IllegalStateException("no " + ServerMetrics.HEAP + " in " + base + "metrics");
    }
    return (long) heap;
  }
}
