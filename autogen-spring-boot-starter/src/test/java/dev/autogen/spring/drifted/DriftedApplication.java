package dev.autogen.spring.drifted;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application whose entities want a column its migrations never add. */
@SpringBootApplication
public class DriftedApplication {}
