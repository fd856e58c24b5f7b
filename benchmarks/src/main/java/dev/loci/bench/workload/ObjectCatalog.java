package dev.loci.bench.workload;

import dev.loci.spatial.geometry.Vec3;
import java.util.List;
import java.util.Random;

/**
 * The 50 classes of the workload, most common first. Frequencies fall off as 1/sqrt(rank): a few classes
 * (mugs, chairs, bottles) are everywhere, the rare ones still number in the hundreds at 20,000 objects.
 */
public final class ObjectCatalog {
    public static final List<ObjectClass> CLASSES = List.of(
            raised("mug", 0.09, 0.09, 0.10),
            floor("chair", 0.50, 0.50, 0.90),
            raised("bottle", 0.07, 0.07, 0.25),
            raised("book", 0.16, 0.24, 0.04),
            raised("laptop", 0.33, 0.23, 0.02),
            raised("cup", 0.08, 0.08, 0.09),
            floor("cardboard_box", 0.40, 0.30, 0.30),
            raised("keyboard", 0.44, 0.13, 0.03),
            raised("monitor", 0.55, 0.20, 0.40),
            floor("trash_bin", 0.35, 0.35, 0.50),
            raised("phone", 0.07, 0.15, 0.01),
            raised("bowl", 0.16, 0.16, 0.07),
            raised("plate", 0.25, 0.25, 0.02),
            raised("mouse", 0.06, 0.11, 0.04),
            floor("backpack", 0.32, 0.20, 0.45),
            raised("notebook", 0.15, 0.21, 0.01),
            raised("glass", 0.07, 0.07, 0.12),
            floor("stool", 0.35, 0.35, 0.45),
            raised("lamp", 0.20, 0.20, 0.45),
            raised("apple", 0.08, 0.08, 0.08),
            raised("banana", 0.20, 0.05, 0.04),
            floor("potted_plant", 0.40, 0.40, 0.80),
            raised("remote", 0.05, 0.18, 0.02),
            raised("headphones", 0.18, 0.08, 0.20),
            raised("stapler", 0.04, 0.16, 0.06),
            raised("scissors", 0.08, 0.20, 0.01),
            floor("suitcase", 0.45, 0.25, 0.65),
            raised("tissue_box", 0.24, 0.12, 0.09),
            raised("clock", 0.25, 0.05, 0.25),
            raised("vase", 0.12, 0.12, 0.30),
            raised("orange", 0.08, 0.08, 0.08),
            raised("pen_holder", 0.08, 0.08, 0.11),
            floor("fire_extinguisher", 0.18, 0.18, 0.55),
            raised("tape_roll", 0.10, 0.10, 0.05),
            raised("screwdriver", 0.03, 0.20, 0.03),
            floor("bucket", 0.30, 0.30, 0.30),
            raised("hammer", 0.12, 0.32, 0.04),
            raised("wrench", 0.05, 0.25, 0.02),
            raised("flashlight", 0.05, 0.22, 0.05),
            floor("floor_fan", 0.45, 0.30, 1.00),
            raised("battery_pack", 0.07, 0.14, 0.03),
            raised("charger", 0.06, 0.06, 0.03),
            raised("camera", 0.13, 0.08, 0.10),
            raised("speaker", 0.15, 0.15, 0.25),
            floor("umbrella_stand", 0.25, 0.25, 0.55),
            raised("toy_robot", 0.15, 0.12, 0.25),
            raised("picture_frame", 0.20, 0.03, 0.25),
            raised("candle", 0.07, 0.07, 0.12),
            floor("step_ladder", 0.45, 0.60, 1.20),
            raised("sandwich", 0.14, 0.10, 0.06));

    private static final double[] CUMULATIVE_WEIGHT = cumulativeWeights();

    private ObjectCatalog() {
    }

    /** A class drawn with the catalog's frequencies. */
    public static ObjectClass draw(Random random) {
        double u = random.nextDouble() * CUMULATIVE_WEIGHT[CUMULATIVE_WEIGHT.length - 1];
        for (int i = 0; i < CUMULATIVE_WEIGHT.length; i++) {
            if (u < CUMULATIVE_WEIGHT[i]) {
                return CLASSES.get(i);
            }
        }
        return CLASSES.get(CLASSES.size() - 1);
    }

    public static List<String> labels() {
        return CLASSES.stream().map(ObjectClass::label).toList();
    }

    private static double[] cumulativeWeights() {
        double[] cumulative = new double[CLASSES.size()];
        double sum = 0;
        for (int rank = 1; rank <= CLASSES.size(); rank++) {
            sum += 1 / Math.sqrt(rank);
            cumulative[rank - 1] = sum;
        }
        return cumulative;
    }

    private static ObjectClass floor(String label, double x, double y, double z) {
        return new ObjectClass(label, new Vec3(x, y, z), true);
    }

    private static ObjectClass raised(String label, double x, double y, double z) {
        return new ObjectClass(label, new Vec3(x, y, z), false);
    }
}
