package dev.loci.spatial.memory;

import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.objects.RememberedObject;
import java.util.List;

/** One stored frame: the record, its observations, and the objects that were in view but not seen. */
public record FrameResult(FrameRecord frame, List<Ingested> observations, List<RememberedObject> missed) {
    public FrameResult {
        observations = List.copyOf(observations);
        missed = List.copyOf(missed);
    }
}
