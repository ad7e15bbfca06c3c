package dev.kiln.it.app;

import dev.kiln.it.library.Plugins;
import java.lang.reflect.Field;
import java.util.Arrays;

public class Main {
    public static class Settings {
        public int retries = 3;
        public boolean verbose;
    }

    public static void main(String[] args) throws Exception {
        System.out.println(Plugins.load("Uppercase").apply("hello from a library's metadata"));
        String settings = new StringBuilder("sgnitteS$niaM.ppa.ti.nlik.ved").reverse().toString();
        Field[] fields = Class.forName(settings).getDeclaredFields();
        String[] names = Arrays.stream(fields).map(Field::getName).sorted().toArray(String[]::new);
        System.out.println("settings fields: " + Arrays.toString(names));
    }
}
