/*
 * Word frequency: the same algorithm as bench/src/kiln/bench/cpu/WordFrequency.java, written as C would be:
 * each document in one char buffer, split in place, counted in an open-addressing hash table (FNV-1a, linear
 * probing, doubled at half full), sorted with qsort.
 */
#include <string.h>
#include "bench.h"

#define WORDS_PER_DOCUMENT 50000
#define TOP 10

static const char *const SYLLABLES[] = {
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ba", "de", "fi", "gu",
    "ha", "je", "ko", "lu", "ma", "no", "pe", "qui", "ra", "so", "tu", "ze"};
#define SYLLABLE_COUNT 24

struct entry {
    char *word; /* NULL: a free slot */
    int count;
};

struct table {
    struct entry *slots;
    size_t capacity, size;
};

static uint32_t seed = 7;

static uint64_t fnv1a(const char *word) {
    uint64_t hash = 14695981039346656037ULL;
    for (; *word; word++) {
        hash = (hash ^ (unsigned char) *word) * 1099511628211ULL;
    }
    return hash;
}

static struct entry *slot_of(struct table *table, const char *word) {
    size_t i = fnv1a(word) & (table->capacity - 1);
    while (table->slots[i].word != NULL && strcmp(table->slots[i].word, word) != 0) {
        i = (i + 1) & (table->capacity - 1);
    }
    return &table->slots[i];
}

static void grow(struct table *table) {
    struct entry *old = table->slots;
    size_t old_capacity = table->capacity;
    table->capacity *= 2;
    table->slots = calloc(table->capacity, sizeof(struct entry));
    for (size_t i = 0; i < old_capacity; i++) {
        if (old[i].word != NULL) {
            *slot_of(table, old[i].word) = old[i];
        }
    }
    free(old);
}

static void count_word(struct table *table, const char *word) {
    struct entry *entry = slot_of(table, word);
    if (entry->word == NULL) {
        entry->word = strdup(word);
        entry->count = 0;
        if (++table->size * 2 > table->capacity) {
            grow(table);
            entry = slot_of(table, word);
        }
    }
    entry->count++;
}

/* Appends one document's words, separated by spaces, to text; returns its length. */
static size_t document(char *text) {
    size_t length = 0;
    for (int w = 0; w < WORDS_PER_DOCUMENT; w++) {
        if (w > 0) {
            text[length++] = ' ';
        }
        int syllables = 1 + next_random15(&seed) % 3;
        for (int s = 0; s < syllables; s++) {
            int pick = next_random15(&seed);
            int range = 1 + next_random15(&seed) % SYLLABLE_COUNT;
            const char *syllable = SYLLABLES[pick % range];
            size_t syllable_length = strlen(syllable);
            memcpy(text + length, syllable, syllable_length);
            length += syllable_length;
        }
    }
    text[length] = '\0';
    return length;
}

static int by_count_then_word(const void *a, const void *b) {
    const struct entry *x = a, *y = b;
    if (x->count != y->count) {
        return x->count > y->count ? -1 : 1;
    }
    return strcmp(x->word, y->word);
}

int main(int argc, char **argv) {
    int documents = bench_size(argc, argv, 40);
    struct table table = {calloc(1024, sizeof(struct entry)), 1024, 0};
    char *text = malloc((size_t) WORDS_PER_DOCUMENT * 10 + 1);
    long long characters = 0, total = 0;
    for (int d = 0; d < documents; d++) {
        document(text);
        for (char *word = strtok(text, " "); word != NULL; word = strtok(NULL, " ")) {
            characters += (long long) strlen(word);
            count_word(&table, word);
            total++;
        }
    }
    printf("%lld words, %zu distinct, %lld letters\n", total, table.size, characters);
    struct entry *entries = malloc(table.size * sizeof(struct entry));
    size_t used = 0;
    for (size_t i = 0; i < table.capacity; i++) {
        if (table.slots[i].word != NULL) {
            entries[used++] = table.slots[i];
        }
    }
    qsort(entries, used, sizeof(struct entry), by_count_then_word);
    for (size_t i = 0; i < used && i < TOP; i++) {
        printf("%s %d\n", entries[i].word, entries[i].count);
    }
    return 0;
}
