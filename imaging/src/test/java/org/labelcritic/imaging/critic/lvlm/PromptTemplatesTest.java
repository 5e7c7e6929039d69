package org.labelcritic.imaging.critic.lvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labelcritic.model.LabelCriticException;

class PromptTemplatesTest {

  /** The resources module's sources as a class path, as the installed jar would be. */
  static ClassLoader resourcesOnClassPath() throws Exception {
    URL root = Path.of("../resources/src/main/resources/").toUri().toURL();
    return new URLClassLoader(new URL[] {root}, null);
  }

  static PromptTemplates bundled() throws Exception {
    return new PromptTemplates(Optional.empty(), resourcesOnClassPath());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "liver",
        "spleen",
        "kidney_left",
        "kidney_right",
        "pancreas",
        "stomach",
        "gallbladder",
        "aorta",
        "postcava"
      })
  void eachProtocolOrganHasItsOwnTemplateNamingIt(String organ) throws Exception {
    Path file = LvlmFixtures.BUNDLED_PROMPTS.resolve(organ + ".txt");
    assertThat(file).exists();
    String prompt = bundled().prompt(organ);

    assertThat(prompt).contains(PromptTemplates.readable(organ)).doesNotContain("{{");
    assertThat(prompt).isNotEqualTo(bundled().prompt("some_other_structure"));
  }

  @Test
  void sidesReadNaturally() {
    assertThat(PromptTemplates.readable("kidney_left")).isEqualTo("left kidney");
    assertThat(PromptTemplates.readable("adrenal_gland_right")).isEqualTo("right adrenal gland");
    assertThat(PromptTemplates.readable("gallbladder")).isEqualTo("gallbladder");
  }

  @Test
  void aStructureWithoutItsOwnTemplateGetsTheDefaultWithItsName() throws Exception {
    String prompt = bundled().prompt("Adrenal_Gland_Left");

    assertThat(prompt).contains("segmentation of the left adrenal gland");
  }

  @Test
  void commentLinesAreNotSent() throws Exception {
    assertThat(bundled().prompt("liver"))
        .doesNotContain("# LabelCritic")
        .doesNotContain("Editable");
  }

  @Test
  void aUserFolderOverridesTheBundledTemplateForTheFilesItHas(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("liver.txt"), "# mine\nLook hard at the {{organ}}.");
    PromptTemplates t = new PromptTemplates(Optional.of(dir), resourcesOnClassPath());

    assertThat(t.prompt("liver")).isEqualTo("Look hard at the liver.");
    assertThat(t.prompt("spleen")).contains("The spleen is a crescent");
  }

  @Test
  void aUserDefaultOverridesTheBundledDefaultButNotTheOrganTemplates(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("default.txt"), "Generic {{organ}} prompt.");
    PromptTemplates t = new PromptTemplates(Optional.of(dir), resourcesOnClassPath());

    assertThat(t.prompt("liver")).contains("The liver is a large");
    assertThat(t.prompt("duodenum")).isEqualTo("Generic duodenum prompt.");
  }

  @Test
  void structureNamesCannotReachOutsideTheFolder(@TempDir Path dir) throws Exception {
    Path prompts = Files.createDirectory(dir.resolve("prompts"));
    Files.writeString(dir.resolve("secret.txt"), "outside {{organ}}");
    Files.writeString(prompts.resolve("default.txt"), "inside");
    PromptTemplates t = new PromptTemplates(Optional.of(prompts), LvlmFixtures.emptyLoader());

    assertThat(t.prompt("../secret")).isEqualTo("inside");
  }

  @Test
  void noDefaultTemplateAnywhereIsAnErrorNamingIt() {
    PromptTemplates t = new PromptTemplates(Optional.empty(), LvlmFixtures.emptyLoader());

    assertThatThrownBy(() -> t.prompt("liver"))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("default.txt")
        .hasMessageContaining("missing");
  }

  @Test
  void aMissingUserFolderIsAnErrorNamingIt(@TempDir Path dir) {
    Path gone = dir.resolve("gone");
    PromptTemplates t = new PromptTemplates(Optional.of(gone), LvlmFixtures.emptyLoader());

    assertThatThrownBy(() -> t.prompt("liver"))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("gone")
        .hasMessageContaining("does not exist");
  }

  @Test
  void anUnreadableTemplateIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("liver.txt"), new byte[] {'L', (byte) 0xC3, (byte) 0x28});
    Files.createDirectory(dir.resolve("spleen.txt"));
    PromptTemplates t = new PromptTemplates(Optional.of(dir), LvlmFixtures.emptyLoader());

    assertThatThrownBy(() -> t.prompt("liver"))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("liver.txt")
        .hasMessageContaining("not valid UTF-8");
    assertThatThrownBy(() -> t.prompt("spleen"))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("spleen.txt")
        .hasMessageContaining("cannot read");
  }

  @Test
  void anEmptyTemplateOrAnUnknownPlaceholderIsAnErrorNamingTheFile(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("liver.txt"), "# only a comment\n\n");
    Files.writeString(dir.resolve("spleen.txt"), "The {{organ}} in {{modality}}.");
    PromptTemplates t = new PromptTemplates(Optional.of(dir), LvlmFixtures.emptyLoader());

    assertThatThrownBy(() -> t.prompt("liver"))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("liver.txt")
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> t.prompt("spleen"))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("spleen.txt")
        .hasMessageContaining("{{modality}}");
  }

  @Test
  void aByteOrderMarkIsIgnored(@TempDir Path dir) throws Exception {
    Files.write(
        dir.resolve("default.txt"),
        ("\uFEFFCheck the {{organ}}.").getBytes(StandardCharsets.UTF_8));
    PromptTemplates t = new PromptTemplates(Optional.of(dir), LvlmFixtures.emptyLoader());

    assertThat(t.prompt("liver")).isEqualTo("Check the liver.");
  }
}
