package dev.kiln.it.compat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Jackson's ObjectMapper binds POJOs through reflection (public fields, getters and setters, an annotated property
 * name, generic collections both ways) and reads and builds the JsonNode tree.
 */
public class JacksonMain {
    public static class Item {
        public String name;
        public int quantity;
        public double price;
        @JsonProperty("in_stock")
        public boolean inStock;
        public List<String> labels;
    }

    public static class Order {
        private long id;
        private Map<String, Integer> totals;
        private List<Item> items;

        public long getId() {
            return id;
        }

        public void setId(long id) {
            this.id = id;
        }

        public Map<String, Integer> getTotals() {
            return totals;
        }

        public void setTotals(Map<String, Integer> totals) {
            this.totals = totals;
        }

        public List<Item> getItems() {
            return items;
        }

        public void setItems(List<Item> items) {
            this.items = items;
        }
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        Order order = mapper.readValue("{\"id\":42,\"totals\":{\"b\":2,\"a\":1},\"items\":[{\"name\":\"kiln\","
                + "\"quantity\":3,\"price\":9.5,\"in_stock\":true,\"labels\":[\"x\",\"y\"]}]}", Order.class);
        Item first = order.getItems().get(0);
        System.out.println("read: " + order.getId() + " " + order.getTotals() + " " + first.name + " " + first.quantity
                + " " + first.price + " " + first.inStock + " " + first.labels + " " + first.getClass().getSimpleName());
        System.out.println("write: " + mapper.writeValueAsString(order));
        List<Item> items = mapper.readValue("[{\"name\":\"a\",\"quantity\":1},{\"name\":\"b\",\"price\":0.25}]",
                new TypeReference<List<Item>>() { });
        System.out.println("generic: " + items.size() + " " + items.get(1).name + " " + items.get(1).price + " "
                + items.get(0).getClass().getSimpleName());
        JsonNode tree = mapper.readTree("{\"k\":[1,2,{\"deep\":\"yes\"}],\"n\":null,\"f\":1.25e2,\"s\":\"t\\u00e9\"}");
        System.out.println("tree: " + tree + " deep=" + tree.at("/k/2/deep").asText() + " f=" + tree.get("f").doubleValue()
                + " n is null " + tree.get("n").isNull() + " size " + tree.size());
        ObjectNode made = mapper.createObjectNode().put("made", true);
        made.putArray("list").add(1).add("two");
        made.putObject("nested").put("pi", 3.14);
        System.out.println("pretty: " + mapper.writerWithDefaultPrettyPrinter().writeValueAsString(made));
        System.out.println("tree to POJO: " + mapper.treeToValue(mapper.readTree("{\"name\":\"c\",\"quantity\":7}"),
                Item.class).quantity);
        try {
            mapper.readValue("{\"id\":\"not a number\"}", Order.class);
        } catch (com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
            System.out.println("InvalidFormatException: " + e.getOriginalMessage());
        }
    }
}
