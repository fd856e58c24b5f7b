package dev.loci.runtime.semantic.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Texts like those a robot's memory holds (object labels with attributes, events), built from word lists. */
public final class SceneTexts {
    static final List<String> COLOURS = List.of("red", "blue", "green", "white", "black", "yellow", "grey", "brown");
    static final List<String> OBJECTS = List.of("mug", "cup", "water bottle", "wine glass", "coffee maker", "kettle",
            "apple", "banana", "orange juice carton", "milk carton", "chair", "sofa", "table", "desk lamp", "book",
            "laptop", "phone", "remote control", "towel", "toothbrush", "plant", "shoe", "backpack", "umbrella",
            "plate", "bowl", "knife", "spoon", "pillow", "blanket", "television", "microwave", "fridge", "trash can",
            "keys", "wallet", "soda can", "teapot", "scissors", "toy car");
    static final List<String> PLACES = List.of("kitchen", "living room", "bedroom", "bathroom", "hallway", "office",
            "garage", "dining room", "balcony", "laundry room");
    static final List<String> SPOTS = List.of("on the table", "on the counter", "on the floor", "on a shelf",
            "next to the sink", "under the bed", "by the window", "on the sofa", "in a drawer", "near the door");
    static final List<String> EVENTS = List.of("picked up the %s in the %s", "could not grasp the %s in the %s",
            "delivered the %s to the %s", "saw a %s %s", "lost sight of the %s in the %s", "put the %s down in the %s");

    private SceneTexts() {
    }

    /** {@code count} texts, deterministic for a seed. */
    public static List<String> generate(int count, long seed) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String object = pick(random, OBJECTS);
            String place = pick(random, PLACES);
            texts.add(switch (random.nextInt(3)) {
                case 0 -> pick(random, COLOURS) + " " + object + " " + pick(random, SPOTS) + " in the " + place;
                case 1 -> String.format(pick(random, EVENTS), object, place);
                default -> pick(random, COLOURS) + " " + object;
            });
        }
        return texts;
    }

    /** Questions in words about such texts. */
    public static List<String> questions() {
        return List.of("something to drink", "where is my coffee", "a cup in the kitchen", "fruit on the table",
                "something to sit on", "things in the bathroom", "a red mug", "where did I leave my keys",
                "an electronic device", "kitchen appliances", "failed to pick something up", "a drink in the fridge",
                "something to read", "bedding", "footwear near the door", "a blue bottle", "dishes in the sink",
                "a lamp in the office", "toys on the floor", "what was delivered to the living room",
                "cleaning supplies", "a green plant by the window", "cutlery in a drawer", "a warm blanket",
                "the television remote", "a yellow banana", "the garage", "a glass of wine", "my laptop",
                "a white towel");
    }

    private static String pick(Random random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
