<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/processing/base.py" line="33"/>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="34"/>
        <source>Cloud masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="35"/>
        <source>Snow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="62"/>
        <source>Névé needs the Python packages {packages}, which this QGIS cannot import. On Debian or Ubuntu install python3-scipy and python3-rasterio; on Windows open the OSGeo4W Shell and run: python -m pip install scipy rasterio. Then restart QGIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="80"/>
        <source>Cancelled: no output was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="21"/>
        <source>MAJA cloud mask CLM (bits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="22"/>
        <source>MAJA geophysical mask MG2 (bits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="23"/>
        <source>Sen2Cor scene classification SCL (classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="24"/>
        <source>Other raster (values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="30"/>
        <source>Bit 0: all clouds except the thinnest, and all shadows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="31"/>
        <source>Bit 1: all clouds except the thinnest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="32"/>
        <source>Bit 2: clouds from mono-temporal thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="33"/>
        <source>Bit 3: clouds from multi-temporal thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="34"/>
        <source>Bit 4: thinnest clouds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="35"/>
        <source>Bit 5: shadows of clouds detected in the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="36"/>
        <source>Bit 6: shadows of clouds outside the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="37"/>
        <source>Bit 7: high clouds (cirrus band)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="43"/>
        <source>Bit 0: water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="44"/>
        <source>Bit 1: all clouds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="45"/>
        <source>Bit 2: snow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="46"/>
        <source>Bit 3: cloud shadows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="47"/>
        <source>Bit 4: topographic shadows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="48"/>
        <source>Bit 5: hidden surfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="49"/>
        <source>Bit 6: sun too low for slope correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="50"/>
        <source>Bit 7: sun tangent to slope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="56"/>
        <source>0: no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="57"/>
        <source>1: saturated or defective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="58"/>
        <source>2: dark area or topographic shadow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="59"/>
        <source>3: cloud shadow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="60"/>
        <source>4: vegetation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="61"/>
        <source>5: not vegetated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="62"/>
        <source>6: water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="63"/>
        <source>7: unclassified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="64"/>
        <source>8: cloud, medium probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="65"/>
        <source>9: cloud, high probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="66"/>
        <source>10: thin cirrus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="67"/>
        <source>11: snow or ice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="103"/>
        <source>Cloud mask from a product&apos;s mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="106"/>
        <source>A binary cloud mask (1 cloud, 0 clear, 255 no data) from a MAJA CLM or MG2 mask, a Sen2Cor SCL or any classified raster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="110"/>
        <source>&lt;p&gt;Makes a binary cloud mask from the mask layer of a Sentinel-2 L2A product: 1 = cloud, 0 = clear, 255 = no data (uint8, tiled and compressed GeoTIFF).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA CLM&lt;/b&gt; (Theia): a pixel is cloud when at least one of the chosen bits is set. The default, all bits (CLM &amp;gt; 0), is the choice of the Theia Snow collection (LIS).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA MG2&lt;/b&gt;: same with the bits of the geophysical mask (default: bit 1, all clouds).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sen2Cor SCL&lt;/b&gt;: a pixel is cloud when its class is one of the chosen classes. The default, classes 3, 8, 9 and 10 (cloud shadow, clouds of medium and high probability, thin cirrus), is the choice of LIS for Sen2Cor products. Class 0 is no data.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Other raster&lt;/b&gt;: a pixel is cloud when its value is one of the listed values, for example &lt;i&gt;1, 2, 5-7&lt;/i&gt;; left empty, every non-zero value counts.&lt;/p&gt;&lt;p&gt;Pixels equal to the input&apos;s no-data value are no data in the output.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="125"/>
        <source>Mask raster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="125"/>
        <source>The mask layer of a product: a MAJA CLM or MG2 file, a Sen2Cor SCL file or any single-band classified raster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="129"/>
        <source>Kind of mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="129"/>
        <source>How to read the mask raster: MAJA bit fields, Sen2Cor classes or plain values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="133"/>
        <source>CLM bits that count as cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="133"/>
        <source>Used with a MAJA CLM. Default all bits (CLM &gt; 0), as in the Theia Snow collection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="138"/>
        <source>MG2 bits that count as cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="138"/>
        <source>Used with a MAJA MG2. Default bit 1, all clouds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="142"/>
        <source>SCL classes that count as cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="142"/>
        <source>Used with a Sen2Cor SCL. Default 3, 8, 9, 10, as in the Theia Snow method for Sen2Cor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="147"/>
        <source>Values that count as cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="147"/>
        <source>Used with another raster: values separated by commas, ranges with a dash (1, 2, 5-7). Empty: every non-zero value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="217"/>
        <source>Cloud mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="163"/>
        <source>The mask raster could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="175"/>
        <source>Could not read the values &quot;{text}&quot;: write whole numbers separated by commas, ranges with a dash, for example 1, 2, 5-7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="179"/>
        <source>No bit or class is selected: choose at least one that counts as cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="186"/>
        <source>{name} holds {dtype} values: a mask holds whole numbers. Is it a reflectance band rather than a mask?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="190"/>
        <source>{name} holds {dtype} values, but MAJA masks and the Sen2Cor SCL are 8-bit (uint8). Is this the right file, or should the kind of mask be &quot;Other raster&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="204"/>
        <source>{name} holds the value {value}, but a Sen2Cor scene classification only has classes 0 to 11. Is this the SCL file (read at full resolution)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis_plugin.py" line="55"/>
        <source>Névé: cloud masks and snow maps for Sentinel-2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="19"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="20"/>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="29"/>
        <source>No data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="27"/>
        <source>Outside the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="28"/>
        <source>Mask</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
