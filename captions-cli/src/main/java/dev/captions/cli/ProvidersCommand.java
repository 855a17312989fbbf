package dev.captions.cli;

import dev.captions.Captions;
import dev.captions.ProviderInfo;
import dev.captions.codec.CaptionCodecs;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code captions providers}: what discovery finds on the class path. */
@Command(name = "providers", mixinStandardHelpOptions = true,
    description = "List every provider found, its capabilities, and whether it is configured.")
final class ProvidersCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    List<ProviderInfo> infos = Captions.providers();
    out.printf("%-12s %-10s %-16s %s%n", "KIND", "NAME", "STATUS", "CAPABILITIES");
    for (ProviderInfo p : infos) {
      String status = p.embedded() ? "embedded" : p.configured() ? "configured" : "no API key";
      out.printf("%-12s %-10s %-16s %s%n", p.kind(), p.name(), status, String.join(", ", new TreeSet<>(p.capabilities())));
    }
    List<String> prompted = infos.stream().filter(p -> p.kind().equals("transcriber"))
        .filter(p -> p.capabilities().contains("prompt")).map(ProviderInfo::name).sorted().toList();
    out.println("--prompt/--vocabulary reach: " + (prompted.isEmpty() ? "no transcriber here" : String.join(", ", prompted))
        + " (other transcribers ignore them, with a warning)");
    out.println("formats: " + CaptionCodecs.all().keySet());
  }
}
