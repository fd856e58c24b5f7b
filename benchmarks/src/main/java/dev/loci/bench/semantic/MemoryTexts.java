package dev.loci.bench.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Memory-like texts (objects with attributes and places, events) from word lists; deterministic per seed. */
final class MemoryTexts {
    private static final String[] COLOURS = {"red", "blue", "green", "white", "black", "yellow", "grey", "brown",
        "orange", "purple"};
    private static final String[] OBJECTS = {"mug", "cup", "water bottle", "wine glass", "coffee maker", "kettle",
        "apple", "banana", "juice carton", "milk carton", "chair", "sofa", "table", "desk lamp", "book", "laptop",
        "phone", "remote control", "towel", "toothbrush", "plant", "shoe", "backpack", "umbrella", "plate", "bowl",
        "knife", "spoon", "pillow", "blanket", "television", "microwave", "fridge", "trash can", "keys", "wallet",
        "soda can", "teapot", "scissors", "toy car", "box", "bag", "jacket", "hat", "vase", "clock", "mirror",
        "candle", "printer", "fan"};
    private static final String[] PLACES = {"kitchen", "living room", "bedroom", "bathroom", "hallway", "office",
        "garage", "dining room", "balcony", "laundry room", "storage room", "lobby"};
    private static final String[] SPOTS = {"on the table", "on the counter", "on the floor", "on a shelf",
        "next to the sink", "under the bed", "by the window", "on the sofa", "in a drawer", "near the door",
        "on the desk", "in the corner"};
    private static final String[] EVENTS = {"picked up the %s in the %s", "could not grasp the %s in the %s",
        "delivered the %s to the %s", "lost sight of the %s in the %s", "put the %s down in the %s",
        "found the %s in the %s", "moved the %s out of the %s"};

    private MemoryTexts() {
    }

    static List<String> generate(int count, long seed) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String object = pick(random, OBJECTS);
            String place = pick(random, PLACES);
            texts.add(switch (random.nextInt(3)) {
                case 0 -> pick(random, COLOURS) + " " + object + " " + pick(random, SPOTS) + " in the " + place
                        + " of room " + random.nextInt(100);
                case 1 -> String.format(pick(random, EVENTS), object, place) + " at stop " + random.nextInt(100);
                default -> pick(random, COLOURS) + " " + object + " number " + random.nextInt(1000);
            });
        }
        return texts;
    }

    static List<String> questions() {
        return List.of("something to drink", "where is my coffee", "a cup in the kitchen", "fruit on the table",
                "something to sit on", "things in the bathroom", "a red mug", "where did I leave my keys",
                "an electronic device", "kitchen appliances", "failed to pick something up", "a drink in the fridge",
                "something to read", "bedding", "footwear near the door", "a blue bottle", "dishes in the sink",
                "a lamp in the office", "toys on the floor", "what was delivered to the living room");
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
