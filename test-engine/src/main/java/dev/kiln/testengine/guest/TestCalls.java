package dev.kiln.testengine.guest;

/**
 * The direct calls a test plan needs, numbered at build time: constructors, lifecycle methods, test methods,
 * argument factories, enum constants. {@code kiln:test} generates one implementation per package of test
 * classes (a switch over the numbers, each case an ordinary {@code invokevirtual}/{@code invokestatic}), so the
 * guest needs no reflection and package-private test methods stay legal to call.
 */
public interface TestCalls {
    /**
     * Makes call {@code number}.
     *
     * @param target    the instance for an instance method, the enclosing instance for a {@code @Nested}
     *                  class's constructor, otherwise ignored
     * @param arguments the method's arguments, boxed
     * @return what the call returned, boxed; null for {@code void}
     */
    Object call(int number, Object target, Object[] arguments) throws Throwable;
}
