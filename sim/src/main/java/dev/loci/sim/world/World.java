package dev.loci.sim.world;

import com.jme3.math.Vector3f;
import com.jme3.scene.Node;
import dev.loci.spatial.geometry.Vec3;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A built world: the jME scene graph (z up) with its solids, and the one place objects are moved. Build one
 * with {@link WorldBuilder}; step its scene with {@link #updateScene(float)}.
 */
public final class World {
    private final WorldSpec spec;
    private final Node root;
    private final List<Solid> solids;
    private final SolidIndex index;
    private final Placement placement;
    private final java.util.Set<Integer> carried = new java.util.HashSet<>();

    World(WorldSpec spec, Node root, List<Solid> solids, Placement placement) {
        this.spec = spec;
        this.root = root;
        this.solids = Collections.unmodifiableList(new ArrayList<>(solids));
        this.placement = placement;
        root.updateGeometricState();
        this.index = new SolidIndex(this.solids);
    }

    public WorldSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** The scene graph root; robots' visuals hang under their own node, never among the solids. */
    public Node root() {
        return root;
    }

    public List<Solid> solids() {
        return solids;
    }

    public List<Solid> objects() {
        return solids.stream().filter(s -> s.kind() == SolidKind.OBJECT).toList();
    }

    public List<Solid> furniture() {
        return solids.stream().filter(s -> s.kind() == SolidKind.FURNITURE).toList();
    }

    public Optional<Solid> solid(String name) {
        return solids.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The axis-aligned boxes of all solids as flat arrays, for ray casting and collision. */
    public SolidIndex index() {
        return index;
    }

    public Optional<String> roomAt(double x, double y) {
        return spec.rooms().stream().filter(r -> r.contains(x, y)).map(WorldSpec.Room::name).findFirst();
    }

    /** Advances the scene graph by one fixed step and refreshes bounds and the solid index. */
    public void updateScene(float dt) {
        root.updateLogicalState(dt);
        root.updateGeometricState();
        index.refresh();
    }

    /** Moves an object onto another piece of furniture (a random free spot from {@code random}). */
    public Vec3 moveObject(Solid object, String furnitureName, Random random) {
        if (object.kind() != SolidKind.OBJECT) {
            throw new dev.loci.spatial.validation.InvalidValueException("object", object.name(), "is not movable");
        }
        Solid furniture = solid(furnitureName).filter(s -> s.kind() == SolidKind.FURNITURE).orElseThrow(
                () -> new dev.loci.spatial.validation.InvalidValueException("furniture", furnitureName,
                        "is not furniture of " + name()));
        Vec3 at = placement.place(object, furniture,
                objects().stream().filter(o -> !carried.contains(o.id())).toList(), random);
        object.geometry().setLocalTranslation(new Vector3f((float) at.x(), (float) at.y(), (float) at.z()));
        root.updateGeometricState();
        index.refresh();
        return at;
    }

    /** Records that a robot holds (or released) an object; held objects are not placement obstacles. */
    public void markCarried(Solid object, boolean held) {
        if (held) {
            carried.add(object.id());
        } else {
            carried.remove(object.id());
        }
    }

    public boolean robotsCarrying(Solid object) {
        return carried.contains(object.id());
    }

    /** The furniture an object stands on now. */
    public Solid supportOf(Solid object) {
        return placement.supportOf(object, furniture());
    }
}
