package org.labelcritic.imaging.critic.lvlm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A scripted OpenAI-compatible chat endpoint on 127.0.0.1 that records what it received. */
final class StubChatServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One scripted reply; {@code delayMillis} before answering. */
  record Reply(int status, String body, long delayMillis) {
    /** A 200 reply whose assistant message is {@code text}. */
    static Reply answer(String text) {
      ObjectNode root = JSON.createObjectNode();
      ObjectNode message = root.putArray("choices").addObject().putObject("message");
      message.put("role", "assistant");
      message.put("content", text);
      return new Reply(200, root.toString(), 0);
    }

    static Reply raw(int status, String body) {
      return new Reply(status, body, 0);
    }

    Reply after(long millis) {
      return new Reply(status, body, millis);
    }
  }

  /** One request the stub received. */
  record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  StubChatServer(Reply... replies) throws IOException {
    script.addAll(List.of(replies));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] in = ex.getRequestBody().readAllBytes();
      JsonNode body;
      try {
        body = JSON.readTree(in);
      } catch (IOException e) {
        body = null;
      }
      received.add(
          new Received(
              ex.getRequestMethod(),
              ex.getRequestURI().getPath(),
              Map.copyOf(ex.getRequestHeaders()),
              body));
      Reply r = script.poll();
      if (r == null) {
        r = Reply.raw(500, "{\"error\":\"no scripted reply left\"}");
      }
      if (r.delayMillis() > 0) {
        try {
          Thread.sleep(r.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
