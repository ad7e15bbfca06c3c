package dev.kiln.it.app;

import dev.kiln.it.resourcelib.ResourceLib;
import java.io.InputStream;

public class Main {
    public static void main(String[] args) throws Exception {
        for (String name : new String[] {"messages.txt", "data/a.txt", "data/b.secret", "glob/g.txt", "unlisted.txt",
                "/extra/deep/opt.txt"}) {
            System.out.println("library " + name + ": " + ResourceLib.read(name));
        }
        try (InputStream in = Main.class.getResourceAsStream("own.txt")) {
            System.out.println("app own.txt: " + new String(in.readAllBytes()).trim());
        }
    }
}
