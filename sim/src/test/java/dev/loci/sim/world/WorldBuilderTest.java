package dev.loci.sim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldBuilderTest {
    private final WorldFiles files = new WorldFiles();
    private final WorldBuilder builder = new WorldBuilder();

    @Test
    void everyBundledWorldBuildsIntoASceneWithRoomsFurnitureAndObjects() {
        for (String name : WorldFiles.BUNDLED) {
            WorldSpec spec = files.bundled(name);
            World world = builder.build(spec, 1);
            assertThat(spec.rooms()).as(name).hasSizeGreaterThanOrEqualTo(2);
            assertThat(world.objects()).as(name).hasSize(spec.objects().size());
            assertThat(world.furniture()).as(name).hasSize(spec.furniture().size());
            assertThat(world.root().getQuantity()).isEqualTo(world.solids().size());
            for (Solid object : world.objects()) {
                Solid support = world.supportOf(object);
                assertThat(spec.objects().stream().anyMatch(o -> o.label().equals(object.label())
                        && o.on().contains(support.name()))).as(object.name() + " on " + support.name()).isTrue();
                assertThat(object.box().min().z()).isCloseTo(support.box().max().z(), org.assertj.core.data.Offset.offset(1e-3));
                assertThat(object.attributes()).containsKey("colour");
            }
        }
    }

    @Test
    void theSameSeedPlacesObjectsIdenticallyAndAnotherSeedVariesThem() {
        WorldSpec spec = files.bundled("household");
        List<Aabb> first = builder.build(spec, 42).objects().stream().map(Solid::box).toList();
        List<Aabb> again = builder.build(spec, 42).objects().stream().map(Solid::box).toList();
        List<Aabb> other = builder.build(spec, 43).objects().stream().map(Solid::box).toList();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void doorsAreGapsInTheirWalls() {
        WorldSpec spec = files.bundled("household");
        World world = builder.build(spec, 1);
        for (WorldSpec.Door door : spec.doors()) {
            double x = door.center()[0];
            double y = door.center()[1];
            boolean blocked = world.solids().stream().filter(s -> s.kind() == SolidKind.WALL)
                    .anyMatch(s -> s.box().contains(new dev.loci.spatial.geometry.Vec3(x, y, 1)));
            assertThat(blocked).as("door at %s,%s", x, y).isFalse();
        }
        // away from the door the inner wall stands
        assertThat(world.solids().stream().filter(s -> s.kind() == SolidKind.WALL)
                .anyMatch(s -> s.box().contains(new dev.loci.spatial.geometry.Vec3(5, 0.8, 1)))).isTrue();
    }

    @Test
    void movingAnObjectPutsItOnTheNewFurnitureAndUpdatesTheIndex() {
        World world = builder.build(files.bundled("household"), 3);
        Solid mug = world.objects().get(0);
        world.moveObject(mug, "bookshelf", new java.util.Random(1));
        assertThat(world.supportOf(mug).name()).isEqualTo("bookshelf");
        int i = mug.id();
        assertThat((double) world.index().minZ(i)).isCloseTo(1.1, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void aDoorOnNoWallIsRefusedNamingIt() {
        String json = """
                {"name": "bad", "width": 5, "depth": 5, "wallHeight": 2, "wallThickness": 0.1, "rooms": [],
                 "walls": [], "doors": [{"center": [2.5, 2.5], "width": 1}], "furniture": [], "objects": [],
                 "starts": [[1, 1]]}""";
        WorldSpec spec = files.parse(json);
        assertThatThrownBy(() -> builder.build(spec, 1)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("door.center");
    }

    @Test
    void aMalformedWorldFileIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> files.parse("{\"name\": \"x\", \"width\": -3}"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("world");
        assertThatThrownBy(() -> files.bundled("castle")).hasMessageContaining("castle");
    }
}
