<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/processing/base.py" line="33"/>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="34"/>
        <source>Cloud masks</source>
        <translation>Masques de nuages</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="152"/>
        <source>Snow</source>
        <translation>Neige</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="62"/>
        <source>Névé needs the Python packages {packages}, which this QGIS cannot import. On Debian or Ubuntu install python3-scipy and python3-rasterio; on Windows open the OSGeo4W Shell and run: python -m pip install scipy rasterio. Then restart QGIS.</source>
        <translation>Névé a besoin des paquets Python {packages}, que ce QGIS ne peut pas importer. Sous Debian ou Ubuntu, installez python3-scipy et python3-rasterio ; sous Windows, ouvrez l'OSGeo4W Shell et lancez : python -m pip install scipy rasterio. Redémarrez ensuite QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="80"/>
        <source>Cancelled: no output was written.</source>
        <translation>Annulé : aucune sortie n'a été écrite.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="24"/>
        <source>MAJA cloud mask CLM (bits)</source>
        <translation>Masque de nuages MAJA CLM (bits)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="25"/>
        <source>MAJA geophysical mask MG2 (bits)</source>
        <translation>Masque géophysique MAJA MG2 (bits)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="26"/>
        <source>Sen2Cor scene classification SCL (classes)</source>
        <translation>Classification de scène Sen2Cor SCL (classes)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="27"/>
        <source>Other raster (values)</source>
        <translation>Autre raster (valeurs)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="33"/>
        <source>Bit 0: all clouds except the thinnest, and all shadows</source>
        <translation>Bit 0 : tous les nuages sauf les plus fins, et toutes les ombres</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="34"/>
        <source>Bit 1: all clouds except the thinnest</source>
        <translation>Bit 1 : tous les nuages sauf les plus fins</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="35"/>
        <source>Bit 2: clouds from mono-temporal thresholds</source>
        <translation>Bit 2 : nuages détectés par seuils mono-temporels</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="36"/>
        <source>Bit 3: clouds from multi-temporal thresholds</source>
        <translation>Bit 3 : nuages détectés par seuils multi-temporels</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="37"/>
        <source>Bit 4: thinnest clouds</source>
        <translation>Bit 4 : nuages les plus fins</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="38"/>
        <source>Bit 5: shadows of clouds detected in the image</source>
        <translation>Bit 5 : ombres des nuages détectés dans l'image</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="39"/>
        <source>Bit 6: shadows of clouds outside the image</source>
        <translation>Bit 6 : ombres de nuages situés hors de l'image</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="40"/>
        <source>Bit 7: high clouds (cirrus band)</source>
        <translation>Bit 7 : nuages hauts (bande cirrus)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="46"/>
        <source>Bit 0: water</source>
        <translation>Bit 0 : eau</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="47"/>
        <source>Bit 1: all clouds</source>
        <translation>Bit 1 : tous les nuages</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="48"/>
        <source>Bit 2: snow</source>
        <translation>Bit 2 : neige</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="49"/>
        <source>Bit 3: cloud shadows</source>
        <translation>Bit 3 : ombres des nuages</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="50"/>
        <source>Bit 4: topographic shadows</source>
        <translation>Bit 4 : ombres topographiques</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="51"/>
        <source>Bit 5: hidden surfaces</source>
        <translation>Bit 5 : surfaces cachées</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="52"/>
        <source>Bit 6: sun too low for slope correction</source>
        <translation>Bit 6 : soleil trop bas pour la correction des pentes</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="53"/>
        <source>Bit 7: sun tangent to slope</source>
        <translation>Bit 7 : soleil rasant la pente</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="59"/>
        <source>0: no data</source>
        <translation>0 : pas de données</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="60"/>
        <source>1: saturated or defective</source>
        <translation>1 : saturé ou défectueux</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="61"/>
        <source>2: dark area or topographic shadow</source>
        <translation>2 : zone sombre ou ombre topographique</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="62"/>
        <source>3: cloud shadow</source>
        <translation>3 : ombre de nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="63"/>
        <source>4: vegetation</source>
        <translation>4 : végétation</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="64"/>
        <source>5: not vegetated</source>
        <translation>5 : sol non végétalisé</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="65"/>
        <source>6: water</source>
        <translation>6 : eau</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="66"/>
        <source>7: unclassified</source>
        <translation>7 : non classé</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="67"/>
        <source>8: cloud, medium probability</source>
        <translation>8 : nuage, probabilité moyenne</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="68"/>
        <source>9: cloud, high probability</source>
        <translation>9 : nuage, probabilité forte</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="69"/>
        <source>10: thin cirrus</source>
        <translation>10 : cirrus fin</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="70"/>
        <source>11: snow or ice</source>
        <translation>11 : neige ou glace</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="107"/>
        <source>Cloud mask from a product&apos;s mask</source>
        <translation>Masque de nuages depuis le masque d'un produit</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="110"/>
        <source>A binary cloud mask (1 cloud, 0 clear, 255 no data) from a MAJA CLM or MG2 mask, a Sen2Cor SCL or any classified raster.</source>
        <translation>Un masque de nuages binaire (1 nuage, 0 clair, 255 pas de données) à partir d'un masque MAJA CLM ou MG2, d'une SCL Sen2Cor ou de tout raster classé.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="114"/>
        <source>&lt;p&gt;Makes a binary cloud mask from the mask layer of a Sentinel-2 L2A product: 1 = cloud, 0 = clear, 255 = no data (uint8, tiled and compressed GeoTIFF).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA CLM&lt;/b&gt; (Theia): a pixel is cloud when at least one of the chosen bits is set. The default, all bits (CLM &amp;gt; 0), is the choice of the Theia Snow collection (LIS).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA MG2&lt;/b&gt;: same with the bits of the geophysical mask (default: bit 1, all clouds).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sen2Cor SCL&lt;/b&gt;: a pixel is cloud when its class is one of the chosen classes. The default, classes 3, 8, 9 and 10 (cloud shadow, clouds of medium and high probability, thin cirrus), is the choice of LIS for Sen2Cor products. Class 0 is no data.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Other raster&lt;/b&gt;: a pixel is cloud when its value is one of the listed values, for example &lt;i&gt;1, 2, 5-7&lt;/i&gt;; left empty, every non-zero value counts.&lt;/p&gt;&lt;p&gt;Pixels equal to the input&apos;s no-data value are no data in the output.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Produit un masque de nuages binaire à partir de la couche de masque d'un produit Sentinel-2 L2A : 1 = nuage, 0 = clair, 255 = pas de données (uint8, GeoTIFF tuilé et compressé).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA CLM&lt;/b&gt; (Theia) : un pixel est nuageux quand au moins un des bits choisis est à 1. Le choix par défaut, tous les bits (CLM &amp;gt; 0), est celui de la collection Neige de Theia (LIS).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA MG2&lt;/b&gt; : de même avec les bits du masque géophysique (par défaut : bit 1, tous les nuages).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SCL Sen2Cor&lt;/b&gt; : un pixel est nuageux quand sa classe fait partie des classes choisies. Le choix par défaut, les classes 3, 8, 9 et 10 (ombre de nuage, nuages de probabilité moyenne et forte, cirrus fins), est celui de LIS pour les produits Sen2Cor. La classe 0 signifie pas de données.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Autre raster&lt;/b&gt; : un pixel est nuageux quand sa valeur figure dans la liste, par exemple &lt;i&gt;1, 2, 5-7&lt;/i&gt; ; si la liste est vide, toute valeur non nulle compte.&lt;/p&gt;&lt;p&gt;Les pixels égaux à la valeur « pas de données » de l'entrée sont « pas de données » en sortie.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="134"/>
        <source>Mask raster</source>
        <translation>Raster de masque</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="138"/>
        <source>Kind of mask</source>
        <translation>Type de masque</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="138"/>
        <source>How to read the mask raster: MAJA bit fields, Sen2Cor classes or plain values.</source>
        <translation>Comment lire le raster de masque : champs de bits MAJA, classes Sen2Cor ou simples valeurs.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="142"/>
        <source>CLM bits that count as cloud</source>
        <translation>Bits du CLM comptés comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="142"/>
        <source>Used with a MAJA CLM. Default all bits (CLM &gt; 0), as in the Theia Snow collection.</source>
        <translation>Pour un CLM MAJA. Par défaut tous les bits (CLM &gt; 0), comme dans la collection Neige de Theia.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="147"/>
        <source>MG2 bits that count as cloud</source>
        <translation>Bits du MG2 comptés comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="147"/>
        <source>Used with a MAJA MG2. Default bit 1, all clouds.</source>
        <translation>Pour un MG2 MAJA. Par défaut le bit 1, tous les nuages.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="152"/>
        <source>SCL classes that count as cloud</source>
        <translation>Classes de la SCL comptées comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="152"/>
        <source>Used with a Sen2Cor SCL. Default 3, 8, 9, 10, as in the Theia Snow method for Sen2Cor.</source>
        <translation>Pour une SCL Sen2Cor. Par défaut 3, 8, 9, 10, comme dans la méthode Neige de Theia pour Sen2Cor.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="157"/>
        <source>Values that count as cloud</source>
        <translation>Valeurs comptées comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="157"/>
        <source>Used with another raster: values separated by commas, ranges with a dash (1, 2, 5-7). Empty: every non-zero value.</source>
        <translation>Pour un autre raster : valeurs séparées par des virgules, intervalles avec un tiret (1, 2, 5-7). Vide : toute valeur non nulle.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="203"/>
        <source>Cloud mask</source>
        <translation>Masque de nuages</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="245"/>
        <source>Could not read the values &quot;{text}&quot;: write whole numbers separated by commas, ranges with a dash, for example 1, 2, 5-7.</source>
        <translation>Impossible de lire les valeurs « {text} » : écrivez des nombres entiers séparés par des virgules, les intervalles avec un tiret, par exemple 1, 2, 5-7.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="251"/>
        <source>No bit or class is selected: choose at least one that counts as cloud.</source>
        <translation>Aucun bit ni aucune classe n'est choisi : choisissez-en au moins un qui compte comme nuage.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="272"/>
        <source>{name} holds {dtype} values: a mask holds whole numbers. Is it a reflectance band rather than a mask?</source>
        <translation>{name} contient des valeurs {dtype} : un masque contient des nombres entiers. S'agit-il d'une bande de réflectance plutôt que d'un masque ?</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="276"/>
        <source>{name} holds {dtype} values, but MAJA masks and the Sen2Cor SCL are 8-bit (uint8). Is this the right file, or should the kind of mask be &quot;Other raster&quot;?</source>
        <translation>{name} contient des valeurs {dtype}, or les masques MAJA et la SCL Sen2Cor sont sur 8 bits (uint8). Est-ce le bon fichier, ou le type de masque devrait-il être « Autre raster » ?</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="222"/>
        <source>{name} holds the value {value}, but a Sen2Cor scene classification only has classes 0 to 11. Is this the SCL file (read at full resolution)?</source>
        <translation>{name} contient la valeur {value}, or une classification de scène Sen2Cor n'a que les classes 0 à 11. Est-ce bien le fichier SCL (lu à pleine résolution) ?</translation>
    </message>
    <message>
        <location filename="../plugin/qgis_plugin.py" line="58"/>
        <source>Névé: cloud masks and snow maps for Sentinel-2</source>
        <translation>Névé : masques de nuages et cartes de neige pour Sentinel-2</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="65"/>
        <source>Clear</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="60"/>
        <source>Cloud</source>
        <translation>Nuage</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="67"/>
        <source>No data</source>
        <translation>Pas de données</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="27"/>
        <source>Outside the mask</source>
        <translation>Hors du masque</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="28"/>
        <source>Mask</source>
        <translation>Masque</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="33"/>
        <source>reflectance, 0 to 1</source>
        <translation>réflectance, 0 à 1</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="33"/>
        <source>NDSI, -1 to 1</source>
        <translation>NDSI, -1 à 1</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="29"/>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="34"/>
        <source>degrees</source>
        <translation>degrés</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="99"/>
        <source>Theia production since February 2018</source>
        <translation>Production Theia depuis février 2018</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="100"/>
        <source>Theia May 2017 to February 2018</source>
        <translation>Theia de mai 2017 à février 2018</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="101"/>
        <source>Theia Snow collection (LIS) defaults</source>
        <translation>Valeurs par défaut de la collection Neige de Theia (LIS)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="102"/>
        <source>No buffer</source>
        <translation>Sans tampon</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="108"/>
        <source>NDSI threshold, pass 1</source>
        <translation>Seuil de NDSI, passe 1</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="109"/>
        <source>Red threshold, pass 1</source>
        <translation>Seuil du rouge, passe 1</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="110"/>
        <source>NDSI threshold, pass 2</source>
        <translation>Seuil de NDSI, passe 2</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="111"/>
        <source>Red threshold, pass 2</source>
        <translation>Seuil du rouge, passe 2</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="112"/>
        <source>Red threshold for dark clouds</source>
        <translation>Seuil du rouge pour les nuages sombres</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="113"/>
        <source>Red threshold, back to cloud</source>
        <translation>Seuil du rouge, retour au nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="114"/>
        <source>Buffer distance</source>
        <translation>Distance du tampon</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="115"/>
        <source>SWIR threshold over water</source>
        <translation>Seuil SWIR sur l'eau</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="116"/>
        <source>SWIR threshold over water with sunglint</source>
        <translation>Seuil SWIR sur l'eau avec reflet du soleil</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="117"/>
        <source>Sunglint angle</source>
        <translation>Angle de reflet du soleil</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="123"/>
        <source>Pass 1: a cloud-free pixel is snow when its NDSI is above this value (and its red reflectance above the red threshold). LIS default 0.40.</source>
        <translation>Passe 1 : un pixel sans nuage est enneigé quand son NDSI dépasse cette valeur (et sa réflectance rouge le seuil du rouge). Valeur par défaut de LIS : 0,40.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="125"/>
        <source>Pass 1: a cloud-free pixel is snow when its red reflectance is above this value (and its NDSI above the NDSI threshold). LIS default 0.20.</source>
        <translation>Passe 1 : un pixel sans nuage est enneigé quand sa réflectance rouge dépasse cette valeur (et son NDSI le seuil de NDSI). Valeur par défaut de LIS : 0,20.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="127"/>
        <source>Pass 2, above the snowline only: snow when the NDSI is above this value. Should not be stricter than pass 1. LIS default 0.15.</source>
        <translation>Passe 2, au-dessus de la limite de la neige seulement : neige quand le NDSI dépasse cette valeur. Ne doit pas être plus strict que la passe 1. Valeur par défaut de LIS : 0,15.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="129"/>
        <source>Pass 2, above the snowline only: snow when the red reflectance is above this value. Should not be stricter than pass 1. LIS default 0.04.</source>
        <translation>Passe 2, au-dessus de la limite de la neige seulement : neige quand la réflectance rouge dépasse cette valeur. Ne doit pas être plus strict que la passe 1. Valeur par défaut de LIS : 0,04.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="131"/>
        <source>Dark-cloud test: a cloud pixel stays cloud only if the red reflectance averaged over 240 m is above this value; darker cloud pixels are offered to pass 2. LIS default 0.30.</source>
        <translation>Test des nuages sombres : un pixel nuageux reste nuage seulement si la réflectance rouge moyennée sur 240 m dépasse cette valeur ; les pixels nuageux plus sombres sont soumis à la passe 2. Valeur par défaut de LIS : 0,30.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="134"/>
        <source>A pixel of the original cloud mask that is not snow goes back to cloud when its red reflectance is above this value. LIS default 0.10.</source>
        <translation>Un pixel du masque de nuages d'origine qui n'est pas de la neige redevient nuage quand sa réflectance rouge dépasse cette valeur. Valeur par défaut de LIS : 0,10.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="136"/>
        <source>Cloud pixels are buffered by this distance in metres (Euclidean, from pixel centre to pixel centre). Theia: 480 m since February 2018, 240 m from May 2017; Sen2Cor: no buffer.</source>
        <translation>Les pixels nuageux sont entourés d'un tampon de cette distance en mètres (euclidienne, de centre de pixel à centre de pixel). Theia : 480 m depuis février 2018, 240 m à partir de mai 2017 ; Sen2Cor : pas de tampon.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="139"/>
        <source>A water pixel is cloud when its SWIR reflectance is above this value. Theia since February 2018: 0.04 (0.08 before).</source>
        <translation>Un pixel d'eau est nuageux quand sa réflectance SWIR dépasse cette valeur. Theia depuis février 2018 : 0,04 (0,08 auparavant).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="141"/>
        <source>The same test where sunglint is likely. Theia since February 2018: 0.16 (0.25 before).</source>
        <translation>Le même test là où un reflet du soleil est probable. Theia depuis février 2018 : 0,16 (0,25 auparavant).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="143"/>
        <source>Sunglint is likely where the angle between the viewing direction and the direction of specular reflection of the sun is below this angle. MAJA: 30 degrees.</source>
        <translation>Un reflet du soleil est probable là où l'angle entre la direction de visée et la direction de réflexion spéculaire du soleil est inférieur à cet angle. MAJA : 30 degrés.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="169"/>
        <source>&quot;{name}&quot; is not a Sentinel-2 band: expected one of {bands}.</source>
        <translation>« {name} » n'est pas une bande Sentinel-2 : attendu l'une de {bands}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="230"/>
        <source>{file} is larger than {size} MB: this is not product metadata.</source>
        <translation>{file} dépasse {size} Mo : ce ne sont pas les métadonnées d'un produit.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="253"/>
        <source>{file} declares a document type or entities (&lt;!DOCTYPE&gt;, &lt;!ENTITY&gt;). Product metadata never does: the file is refused for safety.</source>
        <translation>{file} déclare un type de document ou des entités (&lt;!DOCTYPE&gt;, &lt;!ENTITY&gt;). Les métadonnées d'un produit n'en déclarent jamais : le fichier est refusé par sécurité.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="257"/>
        <source>{file} is not well-formed XML ({error}): the metadata is damaged or incomplete.</source>
        <translation>{file} n'est pas un XML bien formé ({error}) : les métadonnées sont endommagées ou incomplètes.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="288"/>
        <source>The angle grids of {file} have rows of different lengths: the metadata is damaged.</source>
        <translation>Les grilles d'angles de {file} ont des lignes de longueurs différentes : les métadonnées sont endommagées.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="293"/>
        <source>The angle grids of {file} hold values that are not numbers: the metadata is damaged.</source>
        <translation>Les grilles d'angles de {file} contiennent des valeurs qui ne sont pas des nombres : les métadonnées sont endommagées.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="306"/>
        <source>The zenith and azimuth grids of {file} differ in size: the metadata is damaged.</source>
        <translation>Les grilles de zénith et d'azimut de {file} n'ont pas la même taille : les métadonnées sont endommagées.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="360"/>
        <source>Could not read {file}: {error}.</source>
        <translation>Impossible de lire {file} : {error}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="376"/>
        <source>{file} is not a readable zip file ({error}): it may be damaged or incompletely downloaded.</source>
        <translation>{file} n'est pas un fichier zip lisible ({error}) : il est peut-être endommagé ou incomplètement téléchargé.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="381"/>
        <source>{file} holds a file named &quot;{name}&quot;, which points outside the zip (an absolute path or &quot;..&quot;). A product never does: the zip is refused for safety.</source>
        <translation>{file} contient un fichier nommé « {name} », qui pointe hors du zip (chemin absolu ou « .. »). Un produit n'en contient jamais : le zip est refusé par sécurité.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="402"/>
        <source>Could not read {file} in {zip} ({error}): the zip may be damaged.</source>
        <translation>Impossible de lire {file} dans {zip} ({error}) : le zip est peut-être endommagé.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="431"/>
        <source>This zip is not a Sentinel-2 L2A product: no MTD_ALL.xml (Theia) or MTD_MSIL2A.xml (Sen2Cor) was found in it, nor any Theia reflectance file (*_FRE_B4.tif). Found in {path}: {files}.</source>
        <translation>Ce zip n'est pas un produit Sentinel-2 L2A : il ne contient ni MTD_ALL.xml (Theia), ni MTD_MSIL2A.xml (Sen2Cor), ni aucun fichier de réflectance Theia (*_FRE_B4.tif). Contenu de {path} : {files}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="435"/>
        <source>This folder is not a Sentinel-2 L2A product: no MTD_ALL.xml (Theia) or MTD_MSIL2A.xml (Sen2Cor) was found in it, nor any Theia reflectance file (*_FRE_B4.tif). Found in {path}: {files}.</source>
        <translation>Ce dossier n'est pas un produit Sentinel-2 L2A : il ne contient ni MTD_ALL.xml (Theia), ni MTD_MSIL2A.xml (Sen2Cor), ni aucun fichier de réflectance Theia (*_FRE_B4.tif). Contenu de {path} : {files}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="448"/>
        <source>{path} holds several products ({products}): choose one of them.</source>
        <translation>{path} contient plusieurs produits ({products}) : choisissez-en un.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="453"/>
        <source>{path} is a Level-1C product (top-of-atmosphere reflectance, MTD_MSIL1C.xml). Névé needs a Level-2A product (surface reflectance) made by Sen2Cor or MAJA.</source>
        <translation>{path} est un produit de niveau 1C (réflectance au sommet de l'atmosphère, MTD_MSIL1C.xml). Névé a besoin d'un produit de niveau 2A (réflectance de surface) produit par Sen2Cor ou MAJA.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="516"/>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="516"/>
        <source>{product} lacks {missing}; it has {found}.</source>
        <translation>{product} ne contient pas {missing} ; il contient {found}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="599"/>
        <source>{product} has no mask to tell &quot;{kind}&quot; from: it needs {sources}.</source>
        <translation>{product} n'a aucun masque d'où tirer « {kind} » : il faut {sources}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="634"/>
        <source>Could not read {file}: the file is damaged or truncated (GDAL: {error}). Download the product again.</source>
        <translation>Impossible de lire {file} : le fichier est endommagé ou tronqué (GDAL : {error}). Téléchargez de nouveau le produit.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="654"/>
        <source>{path} does not exist: expected a product folder, its .zip, or its metadata file.</source>
        <translation>{path} n'existe pas : attendu le dossier d'un produit, son .zip ou son fichier de métadonnées.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="666"/>
        <source>{path} is not a Sentinel-2 L2A product: expected a product folder, its .zip, or its metadata file (*_MTD_ALL.xml for Theia, MTD_MSIL2A.xml for Sen2Cor).</source>
        <translation>{path} n'est pas un produit Sentinel-2 L2A : attendu le dossier d'un produit, son .zip ou son fichier de métadonnées (*_MTD_ALL.xml pour Theia, MTD_MSIL2A.xml pour Sen2Cor).</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="178"/>
        <source>Band layers</source>
        <translation>Couches de bandes</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="689"/>
        <source>&quot;{name}&quot; is not a mask Névé knows: expected one of {masks}.</source>
        <translation>« {name} » n'est pas un masque connu de Névé : attendu l'un de {masks}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="694"/>
        <source>No raster was given for {name}.</source>
        <translation>Aucun raster n'a été donné pour {name}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="741"/>
        <source>{product} has no MTD_ALL.xml: dates, tile and version come from its name, the scale ({scale:g}) and nodata ({nodata}) from the Theia format; it has no angles and no quality flags.</source>
        <translation>{product} n'a pas de MTD_ALL.xml : dates, tuile et version viennent de son nom, le facteur d'échelle ({scale:g}) et la valeur sans donnée ({nodata}) du format Theia ; il n'a ni angles ni indicateurs de qualité.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="751"/>
        <source>{product} is a product of level {level}. Névé needs a Level-2A product (surface reflectance) made by MAJA or Sen2Cor.</source>
        <translation>{product} est un produit de niveau {level}. Névé a besoin d'un produit de niveau 2A (réflectance de surface) produit par MAJA ou Sen2Cor.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="755"/>
        <source>The metadata of {product} lists band {band}, but its file is missing.</source>
        <translation>Les métadonnées de {product} citent la bande {band}, mais son fichier manque.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="779"/>
        <source>{file} gives no REFLECTANCE_QUANTIFICATION_VALUE: {scale:g} is used, as in the Theia format.</source>
        <translation>{file} ne donne pas de REFLECTANCE_QUANTIFICATION_VALUE : la valeur {scale:g} du format Theia est utilisée.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="936"/>
        <source>{file} gives no sun angles, or not all of them.</source>
        <translation>{file} ne donne pas les angles solaires, ou pas tous.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="835"/>
        <source>{product} is a product of type {type} ({level}). Névé needs a Level-2A product (surface reflectance) made by Sen2Cor or MAJA.</source>
        <translation>{product} est un produit de type {type} ({level}). Névé a besoin d'un produit de niveau 2A (réflectance de surface) produit par Sen2Cor ou MAJA.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="862"/>
        <source>{file} gives no BOA_ADD_OFFSET although its processing baseline is {version}: the offset {offset:g} of baselines {baseline} and later is used.</source>
        <translation>{file} ne donne pas de BOA_ADD_OFFSET alors que sa version de traitement (baseline) est {version} : le décalage {offset:g} des versions {baseline} et suivantes est utilisé.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="877"/>
        <source>{product} holds several tiles ({tiles}): Névé reads one tile per product.</source>
        <translation>{product} contient plusieurs tuiles ({tiles}) : Névé lit une tuile par produit.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="896"/>
        <source>{product} has no GRANULE/*/MTD_TL.xml: it has no angles.</source>
        <translation>{product} n'a pas de GRANULE/*/MTD_TL.xml : il n'a pas d'angles.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="955"/>
        <source>{product} has no reflectance band file: the product is incomplete. Found in {path}: {files}.</source>
        <translation>{product} n'a aucun fichier de bande de réflectance : le produit est incomplet. Contenu de {path} : {files}.</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="60"/>
        <source>No snow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="65"/>
        <source>Cloud of the product&apos;s mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="66"/>
        <source>Cloud over water (SWIR test)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="67"/>
        <source>Buffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="99"/>
        <source>The preview needs the Python packages {packages}, which this QGIS cannot import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="107"/>
        <source>{product} lacks what the preview needs: the bands B3, B4 and B11 and a cloud mask (CLM or SCL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="115"/>
        <source>with DEM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="82"/>
        <source>NDSI of the visible area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="82"/>
        <source>Red reflectance of the visible area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="83"/>
        <source>SWIR reflectance over water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="88"/>
        <source>pass 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="89"/>
        <source>pass 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="89"/>
        <source>dark cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="90"/>
        <source>back to cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="90"/>
        <source>water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="91"/>
        <source>sunglint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="130"/>
        <source>Névé: tune thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="153"/>
        <source>Cloud refinement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="174"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="177"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="190"/>
        <source>Sentinel-2 L2A products (*.zip *_MTD_ALL.xml MTD_MSIL2A.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="192"/>
        <source>Choose a Sentinel-2 L2A product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="193"/>
        <source>A Theia/MUSCATE product (its folder, its .zip or its *_MTD_ALL.xml) or an ESA Sen2Cor product (its .SAFE folder, its .zip or its MTD_MSIL2A.xml). A folder can be typed or pasted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="203"/>
        <source>Green (B3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="203"/>
        <source>Red (B4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="203"/>
        <source>SWIR (B11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="203"/>
        <source>SWIR (B12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="203"/>
        <source>MAJA MG2 (water)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="210"/>
        <source>MAJA CLM (bits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="211"/>
        <source>Sen2Cor SCL (classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="213"/>
        <source>Kind of cloud mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="220"/>
        <source>Elevation in metres on any grid (resampled to the product&apos;s). Without it there is no snowline and no pass 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="222"/>
        <source>DEM (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="224"/>
        <source>Zoom to the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="236"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="281"/>
        <source>Choose a Sentinel-2 L2A product (Theia or Sen2Cor), or its band layers, to see what the thresholds do on it. A DEM adds the snowline and the second snow pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="303"/>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="306"/>
        <source>Choose a preset to set its thresholds. Built-in presets are the values of production systems; yours are kept in your QGIS profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="312"/>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="313"/>
        <source>Save the current thresholds as a preset of yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="315"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="317"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="328"/>
        <source>Presets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="378"/>
        <source>Save preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="374"/>
        <source>Name of the preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="378"/>
        <source>Replace your preset &quot;{name}&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="394"/>
        <source>Rename preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="388"/>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="394"/>
        <source>A preset named &quot;{name}&quot; exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="401"/>
        <source>Delete preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="401"/>
        <source>Delete your preset &quot;{name}&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="433"/>
        <source>Visible area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="439"/>
        <source>Drag a line to set its threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="478"/>
        <source>Run on the whole product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="481"/>
        <source>Snow map of the whole product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="481"/>
        <source>Refined cloud mask of the whole product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="494"/>
        <source>Opens the Processing dialog of {algorithm} with these thresholds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="494"/>
        <source>This version of Névé has no algorithm {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="569"/>
        <source>No valid pixel of the input in the visible area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="570"/>
        <source>Snow map: snow {snow:.1f} %, cloud {cloud:.1f} %, clear {clear:.1f} % of the valid pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="572"/>
        <source>Refined cloud mask: cloud {cloud:.1f} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="575"/>
        <source>Snowline: choose a DEM to compute it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="577"/>
        <source>Snowline: none in view (no pass 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="579"/>
        <source>Snowline: {elevation:.0f} m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="34"/>
        <source>From {minimum} to {maximum}, default {default}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="339"/>
        <source>No pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="126"/>
        <source>&lt;p&gt;&lt;b&gt;From a product&lt;/b&gt;: the mask comes from the product itself, read in place: the CLM of a Theia product (or its MG2 when that kind is chosen), with no data from its EDG mask, or the SCL of a Sen2Cor product, at the chosen resolution (10 or 20 m; masks are resampled with nearest neighbour, never through JPEG2000 reduced resolutions).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Depuis un produit&lt;/b&gt; : le masque vient du produit lui-même, lu sur place : le CLM d'un produit Theia (ou son MG2 si ce type est choisi), avec les pixels sans données de son masque EDG, ou la SCL d'un produit Sen2Cor, à la résolution choisie (10 ou 20 m ; les masques sont rééchantillonnés au plus proche voisin, jamais par les résolutions réduites du JPEG2000).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="134"/>
        <source>The mask layer of a product: a MAJA CLM or MG2 file, a Sen2Cor SCL file or any single-band classified raster. Used when no product is given.</source>
        <translation>La couche de masque d'un produit : un fichier MAJA CLM ou MG2, un fichier SCL Sen2Cor ou tout raster classé à une bande. Utilisée quand aucun produit n'est donné.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="162"/>
        <source>Resolution with a product (m)</source>
        <translation>Résolution avec un produit (m)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="162"/>
        <source>Pixel size of the output when the input is a product: 10 or 20 m (the Theia Snow collection works at 20 m).</source>
        <translation>Taille des pixels de la sortie quand l'entrée est un produit : 10 ou 20 m (la collection Neige de Theia travaille à 20 m).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="198"/>
        <source>No input: give a Sentinel-2 L2A product or a mask raster.</source>
        <translation>Aucune entrée : donnez un produit Sentinel-2 L2A ou un raster de masque.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="264"/>
        <source>{product} has no cloud mask (CLM, MG2 or SCL).</source>
        <translation>{product} n'a pas de masque de nuages (CLM, MG2 ou SCL).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/inputs.py" line="20"/>
        <source>Sentinel-2 L2A product (folder, .zip or metadata file)</source>
        <translation>Produit Sentinel-2 L2A (dossier, .zip ou fichier de métadonnées)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/inputs.py" line="20"/>
        <source>Sentinel-2 L2A products (*.zip *.xml);;All files (*)</source>
        <translation>Produits Sentinel-2 L2A (*.zip *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/inputs.py" line="20"/>
        <source>A Theia/MUSCATE (MAJA) product or an ESA Sen2Cor product, as downloaded: its .zip (read without unzipping), its folder, or its metadata file (*_MTD_ALL.xml, MTD_MSIL2A.xml). Scale, offset and no-data come from its metadata. Leave empty to give layers instead.</source>
        <translation>Un produit Theia/MUSCATE (MAJA) ou un produit Sen2Cor de l'ESA, tel que téléchargé : son .zip (lu sans le décompresser), son dossier ou son fichier de métadonnées (*_MTD_ALL.xml, MTD_MSIL2A.xml). L'échelle, le décalage et la valeur « pas de données » viennent de ses métadonnées. Laissez vide pour donner des couches à la place.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/inputs.py" line="33"/>
        <source>Reflectance scale of the layers</source>
        <translation>Échelle de réflectance des couches</translation>
    </message>
    <message>
        <location filename="../plugin/processing/inputs.py" line="33"/>
        <source>With layers: reflectance = (value + offset) / scale. 10000 for Theia FRE/SRE and Sen2Cor.</source>
        <translation>Avec des couches : réflectance = (valeur + décalage) / échelle. 10000 pour les FRE/SRE de Theia et pour Sen2Cor.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/inputs.py" line="39"/>
        <source>Reflectance offset of the layers</source>
        <translation>Décalage de réflectance des couches</translation>
    </message>
    <message>
        <location filename="../plugin/processing/inputs.py" line="39"/>
        <source>With layers: reflectance = (value + offset) / scale. Sen2Cor from processing baseline 04.00 (January 2022): -1000; before, and Theia: 0.</source>
        <translation>Avec des couches : réflectance = (valeur + décalage) / échelle. Sen2Cor à partir de la version de traitement 04.00 (janvier 2022) : -1000 ; avant, et pour Theia : 0.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/inputs.py" line="75"/>
        <source>No input: give a Sentinel-2 L2A product, or the layers ({layers}).</source>
        <translation>Aucune entrée : donnez un produit Sentinel-2 L2A, ou les couches ({layers}).</translation>
    </message>
    <message>
        <location filename="../plugin/qgis_plugin.py" line="72"/>
        <source>Tune thresholds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/qgis_plugin.py" line="74"/>
        <source>Névé: see what the snow and cloud thresholds do on your scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="481"/>
        <source>The preview failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="572"/>
        <source>Snow map (preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="572"/>
        <source>Refined cloud mask (preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="595"/>
        <source>Névé preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
