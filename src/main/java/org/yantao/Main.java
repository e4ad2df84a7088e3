package org.yantao;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.yantao.config.AppConfig;
import sun.misc.Signal;

/** {@code java -jar yantao.jar}: starts one node, prints where to find it, stops on SIGTERM. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    long started = System.nanoTime();
    AppConfig config;
    Yantao node;
    try {
      config = AppConfig.load(System.getenv(), args);
      node = Yantao.start(config);
    } catch (Exception e) {
      LOG.error("Yantao could not start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("Stopping Yantao");
      node.close();
    }, "yantao-shutdown"));
    // SIGTERM is how systemd and `docker stop` ask for a normal stop; the JVM would report it as
    // exit status 143, which they count as a failure. The shutdown hook above still does the stopping.
    Signal.handle(new Signal("TERM"), signal -> System.exit(0));

    String base = publicBase(config, node.port());
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("%n  研讨 Yantao is running at %s  (started in %d ms)%n", base, millis);
    System.out.printf("  Organiser link / 组织者链接: %s/organiser#key=%s%n%n", base, node.organiserKey());
  }

  /** The address people in the room should use: the configured public URL, else this machine's LAN address. */
  static String publicBase(AppConfig config, int port) {
    if (config.publicUrl() != null) {
      return config.publicUrl().replaceAll("/+$", "");
    }
    String host = config.host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = lanAddress();
    }
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static String lanAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
            return address.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      LOG.debug("Cannot list network interfaces", e);
    }
    return "127.0.0.1";
  }
}
