module org.example.consumer {
  requires org.dkim4j.jakarta;
  requires org.dkim4j.dmarc;
}
