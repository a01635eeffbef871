package org.smartsession.engine.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies ({@code smartsession.proxy.trusted-addresses}: addresses and CIDR blocks, IPv4 or
 * IPv6) whose {@code X-Forwarded-For} names the client. A request from one of them counts as coming
 * from the rightmost address in that header that is not a trusted proxy itself: the address the
 * outermost trusted proxy saw. Anything left of it was written by the client and is never believed.
 * A request from any other address is its own client, whatever it claims. None by default.
 *
 * <p>For servers that do not do this themselves: Payara Server and Payara Micro report the proxy's
 * address, while WildFly with {@code proxy-address-forwarding} already reports the client's.
 */
public final class TrustedProxies {
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  /** An address literal, so that parsing it never asks DNS. */
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

  private record Block(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest) & 0xFF;
      return (address[whole] & mask) == (network[whole] & mask);
    }
  }

  private final List<Block> blocks;

  /**
   * @throws IllegalArgumentException naming the entry that is neither an address nor a CIDR block
   */
  public TrustedProxies(Collection<String> entries) {
    List<Block> parsed = new ArrayList<>();
    for (String entry : entries) {
      parsed.add(block(entry.trim()));
    }
    blocks = List.copyOf(parsed);
  }

  /**
   * The client's address.
   *
   * @param remoteAddress the address the connection came from
   * @param forwardedFor the values of every {@code X-Forwarded-For} header, in order
   */
  public String client(String remoteAddress, List<String> forwardedFor) {
    if (blocks.isEmpty() || !trusted(remoteAddress)) {
      return remoteAddress;
    }
    List<String> hops = new ArrayList<>();
    for (String value : forwardedFor) {
      for (String hop : value.split(",", -1)) {
        hops.add(hop.trim());
      }
    }
    String client = remoteAddress;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (address(hop) == null) {
        // Not an address: a trusted proxy would not write that, so the hop before it is the client.
        return client;
      }
      client = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean trusted(String address) {
    byte[] bytes = address(address);
    return bytes != null && blocks.stream().anyMatch(b -> b.contains(bytes));
  }

  private static Block block(String entry) {
    int slash = entry.indexOf('/');
    byte[] network = address(slash < 0 ? entry : entry.substring(0, slash));
    if (network == null) {
      throw invalid(entry);
    }
    int prefix = network.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw invalid(entry);
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw invalid(entry);
      }
    }
    return new Block(network, prefix);
  }

  /** The address's bytes (IPv4-mapped IPv6 addresses as IPv4), or null if it is none. */
  private static byte[] address(String text) {
    if (text.isEmpty() || text.length() > 45 || !LITERAL.matcher(text).matches()) {
      return null;
    }
    if (text.indexOf(':') < 0 && !dottedQuad(text)) {
      return null; // InetAddress would read "10" as an address, and look "999.1.1.1" up in DNS
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean dottedQuad(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException invalid(String entry) {
    return new IllegalArgumentException(
        "smartsession.proxy.trusted-addresses: \""
            + entry
            + "\" is neither an IP address nor a CIDR block such as 10.0.0.0/8");
  }
}
