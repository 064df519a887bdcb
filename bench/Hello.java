/** The JVM hello-world floor: the cold start of a JVM that does nothing. */
public final class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
