package dev.loci.ros.msgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import loci_msgs.msg.dds.DetectionArray;
import loci_msgs.msg.dds.DetectionArrayPubSubType;
import loci_msgs.msg.dds.ToolCallResponse;
import org.junit.jupiter.api.Test;

class LociMsgsBoundsTest {
    private static final Path PACKAGE = Path.of("loci_msgs");
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z0-9_/]+(?:<=\\d+)?(?:\\[[^\\]]*\\])?)\\s+\\w+.*$");

    @Test
    void everyStringAndSequenceInLociMsgsHasAnExplicitBound() throws IOException {
        List<String> unbounded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PACKAGE)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".msg") || p.toString().endsWith(".srv")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = FIELD.matcher(line.replaceAll("#.*", ""));
                    if (!m.matches() || line.strip().startsWith("#")) {
                        continue;
                    }
                    String type = m.group(1);
                    boolean string = type.startsWith("string") && !type.startsWith("string<=");
                    boolean sequence = type.contains("[") && !type.contains("[<=");
                    if (string || sequence) {
                        unbounded.add(file.getFileName() + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(unbounded).isEmpty();
    }

    @Test
    void theGeneratedSerializerRefusesWhatIsPastABoundInsteadOfSendingIt() {
        DetectionArray detections = new DetectionArray();
        for (int i = 0; i < 257; i++) {
            detections.getDetections().add(); // the list itself grows past the bound...
        }
        assertThatThrownBy(() -> new DetectionArrayPubSubType().serialize(detections,
                new us.ihmc.pubsub.common.SerializedPayload(1 << 20)))
                .hasMessageContaining("detections field exceeds the maximum length"); // ...the writer does not
        ToolCallResponse response = new ToolCallResponse();
        response.getResultJson().append("x".repeat(65_537));
        assertThatThrownBy(() -> new loci_msgs.msg.dds.ToolCallResponsePubSubType().serialize(response,
                new us.ihmc.pubsub.common.SerializedPayload(1 << 20)))
                .hasMessageContaining("result_json field exceeds the maximum length");
    }
}
