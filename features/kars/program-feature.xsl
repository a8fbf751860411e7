<?xml version="1.0" encoding="UTF-8"?>
<!--
  Extracts one program's feature from the Freelance Island features file
  (features/src/main/feature/feature.xml) into a features repository of its own, for the program's
  KAR. The parameter "program" is the program's id; the feature copied is freelance-island-<id>,
  unchanged (same name, version, bundles, dependency on freelance-island-platform). The build fails
  when the features file has no such feature.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>
  <xsl:param name="program"/>

  <xsl:template match="/*[local-name() = 'features']">
    <xsl:variable name="name" select="concat('freelance-island-', $program)"/>
    <xsl:variable name="feature" select="*[local-name() = 'feature' and @name = $name]"/>
    <xsl:if test="count($feature) != 1">
      <xsl:message terminate="yes">The features file has no feature <xsl:value-of select="$name"/> (or more than one)</xsl:message>
    </xsl:if>
    <xsl:comment> The feature of the program <xsl:value-of select="$program"/>, extracted from the Freelance Island features
     for its KAR. Install the KAR on a Freelance Island of the same version: it needs freelance-island-platform. </xsl:comment>
    <xsl:text>&#10;</xsl:text>
    <xsl:element name="features" namespace="{namespace-uri()}">
      <xsl:attribute name="name"><xsl:value-of select="$name"/>-${project.version}</xsl:attribute>
      <xsl:copy-of select="$feature"/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
