package dev.kiln.it.compat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gson binds plain objects through reflection: fields read and written by name, generic field types (lists, maps,
 * a type variable) resolved through their generic supertypes, nested objects both ways; then the JSON tree. The
 * classes it binds are registered in this project's reflect-config.json (Gson ships no GraalVM metadata).
 */
public class GsonBinding {
    static class Address {
        String city;
        int zip;

        Address() {
        }

        Address(String city, int zip) {
            this.city = city;
            this.zip = zip;
        }
    }

    static class Person {
        String name;
        int age;
        boolean admin;
        double score;
        List<String> tags;
        Map<String, Integer> counts;
        Address home;
        List<Address> past;
    }

    static class Box<T> {
        T value;
        List<T> more;
    }

    public static void main(String[] args) {
        Gson gson = new GsonBuilder().create();
        Person p = new Person();
        p.name = "Ada";
        p.age = 36;
        p.admin = true;
        p.score = 97.5;
        p.tags = List.of("math", "engines");
        p.counts = new LinkedHashMap<>();
        p.counts.put("notes", 7);
        p.counts.put("letters", 12);
        p.home = new Address("London", 12345);
        p.past = List.of(new Address("Paris", 75001), new Address("Turin", 10121));
        String json = gson.toJson(p);
        System.out.println("toJson: " + json);

        Person back = gson.fromJson(json, Person.class);
        System.out.println("fromJson: " + back.name + " " + back.age + " " + back.admin + " " + back.score + " "
                + back.tags + " " + back.counts + " " + back.home.city + " " + back.past.get(1).zip + " "
                + back.past.get(0).getClass().getSimpleName());
        System.out.println("round trip equal: " + json.equals(gson.toJson(back)));

        Box<Address> box = gson.fromJson("{\"value\":{\"city\":\"Oslo\",\"zip\":150},"
                + "\"more\":[{\"city\":\"Bergen\",\"zip\":5003}]}", new TypeToken<Box<Address>>() { }.getType());
        System.out.println("type variable: " + box.value.city + " " + box.more.get(0).city + " "
                + box.more.get(0).getClass().getSimpleName());

        Map<String, List<Integer>> m = gson.fromJson("{\"a\":[1,2,3],\"b\":[]}",
                new TypeToken<Map<String, List<Integer>>>() { }.getType());
        System.out.println("map of lists: " + m + " " + m.getClass().getName() + " " + m.get("a").get(2).getClass().getName());

        System.out.println("pretty: " + new GsonBuilder().setPrettyPrinting().create().toJson(Map.of("k", List.of(1, 2))));
        System.out.println("tree: " + JsonParser.parseString("{\"x\":[true,null,1.5e3]}").getAsJsonObject().get("x"));
        System.out.println("nulls: " + new GsonBuilder().serializeNulls().create().toJson(new Address()));
    }
}
