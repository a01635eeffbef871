package org.smartsession.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway self-signed certificate for {@code localhost} and 127.0.0.1 as nginx reads it: PEM
 * files of the certificate and of its unencrypted PKCS #8 key. The JDK's own {@code keytool} makes
 * the pair; the JDK's key store API reads it back to write the PEM files (keytool exports
 * certificates, never private keys), so no openssl is needed.
 */
record SelfSignedCertificate(Path certificate, Path key, KeyStore trustStore) {

  static SelfSignedCertificate create(Path dir) throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    Path store = dir.resolve("pair.p12");
    Files.deleteIfExists(store);
    char[] password = "throwaway".toCharArray();
    run(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair",
        "-alias",
        "smartsession",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "san=dns:localhost,ip:127.0.0.1",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        new String(password));
    KeyStore pair = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      pair.load(in, password);
    }
    Certificate certificate = pair.getCertificate("smartsession");
    Path certificateFile = dir.resolve("smartsession.crt");
    Path keyFile = dir.resolve("smartsession.key");
    Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
    Files.writeString(
        keyFile, pem("PRIVATE KEY", pair.getKey("smartsession", password).getEncoded()));
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("smartsession", certificate);
    return new SelfSignedCertificate(certificateFile, keyFile, trust);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static void run(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
  }
}
