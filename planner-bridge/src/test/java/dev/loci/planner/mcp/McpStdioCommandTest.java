package dev.loci.planner.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stdio command as an MCP client starts it: a separate process, JSON-RPC on its stdin and stdout. */
class McpStdioCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theCommandServesToolsOnStdioAndClosesTheMemoryWhenStdinCloses() throws Exception {
        Path memory = dir.resolve("memory");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A logging setup that writes to stdout, as a careless deployment might: the protocol must stay clean.
        Path logging = Files.writeString(dir.resolve("logback-stdout.xml"), "<configuration><appender name=\"OUT\" "
                + "class=\"ch.qos.logback.core.ConsoleAppender\"><encoder><pattern>%msg%n</pattern></encoder></appender>"
                + "<root level=\"INFO\"><appender-ref ref=\"OUT\"/></root></configuration>");
        Process process = new ProcessBuilder(List.of(java, "-Dlogback.configurationFile=" + logging,
                "-cp", System.getProperty("java.class.path"),
                McpStdioCommand.class.getName(), "--memory", memory.toString(), "--read-only"))
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try (OutputStream stdin = process.getOutputStream();
             BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                     StandardCharsets.UTF_8))) {
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
            JsonNode init = JSON.readTree(stdout.readLine());
            assertThat(init.at("/result/serverInfo/name").asText()).as("stdout carries only the protocol")
                    .isEqualTo("loci");
            send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"robot_status\","
                    + "\"arguments\":{}}}");
            JsonNode status = JSON.readTree(stdout.readLine());
            assertThat(JSON.readTree(status.at("/result/content/0/text").asText()).at("/robots").isArray()).isTrue();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertThat(process.exitValue()).as(stderr).isZero();
        assertThat(stderr).as("the log went to stderr").contains("memory ready");
        assertThat(memory.resolve("memory.db")).exists();
    }

    private static void send(OutputStream stdin, String json) throws Exception {
        stdin.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }
}
