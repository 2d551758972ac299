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
        <location filename="../plugin/processing/base.py" line="35"/>
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
        <location filename="../plugin/processing/cloudmask.py" line="21"/>
        <source>MAJA cloud mask CLM (bits)</source>
        <translation>Masque de nuages MAJA CLM (bits)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="22"/>
        <source>MAJA geophysical mask MG2 (bits)</source>
        <translation>Masque géophysique MAJA MG2 (bits)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="23"/>
        <source>Sen2Cor scene classification SCL (classes)</source>
        <translation>Classification de scène Sen2Cor SCL (classes)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="24"/>
        <source>Other raster (values)</source>
        <translation>Autre raster (valeurs)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="30"/>
        <source>Bit 0: all clouds except the thinnest, and all shadows</source>
        <translation>Bit 0 : tous les nuages sauf les plus fins, et toutes les ombres</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="31"/>
        <source>Bit 1: all clouds except the thinnest</source>
        <translation>Bit 1 : tous les nuages sauf les plus fins</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="32"/>
        <source>Bit 2: clouds from mono-temporal thresholds</source>
        <translation>Bit 2 : nuages détectés par seuils mono-temporels</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="33"/>
        <source>Bit 3: clouds from multi-temporal thresholds</source>
        <translation>Bit 3 : nuages détectés par seuils multi-temporels</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="34"/>
        <source>Bit 4: thinnest clouds</source>
        <translation>Bit 4 : nuages les plus fins</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="35"/>
        <source>Bit 5: shadows of clouds detected in the image</source>
        <translation>Bit 5 : ombres des nuages détectés dans l'image</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="36"/>
        <source>Bit 6: shadows of clouds outside the image</source>
        <translation>Bit 6 : ombres de nuages situés hors de l'image</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="37"/>
        <source>Bit 7: high clouds (cirrus band)</source>
        <translation>Bit 7 : nuages hauts (bande cirrus)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="43"/>
        <source>Bit 0: water</source>
        <translation>Bit 0 : eau</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="44"/>
        <source>Bit 1: all clouds</source>
        <translation>Bit 1 : tous les nuages</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="45"/>
        <source>Bit 2: snow</source>
        <translation>Bit 2 : neige</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="46"/>
        <source>Bit 3: cloud shadows</source>
        <translation>Bit 3 : ombres des nuages</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="47"/>
        <source>Bit 4: topographic shadows</source>
        <translation>Bit 4 : ombres topographiques</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="48"/>
        <source>Bit 5: hidden surfaces</source>
        <translation>Bit 5 : surfaces cachées</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="49"/>
        <source>Bit 6: sun too low for slope correction</source>
        <translation>Bit 6 : soleil trop bas pour la correction des pentes</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="50"/>
        <source>Bit 7: sun tangent to slope</source>
        <translation>Bit 7 : soleil rasant la pente</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="56"/>
        <source>0: no data</source>
        <translation>0 : pas de données</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="57"/>
        <source>1: saturated or defective</source>
        <translation>1 : saturé ou défectueux</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="58"/>
        <source>2: dark area or topographic shadow</source>
        <translation>2 : zone sombre ou ombre topographique</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="59"/>
        <source>3: cloud shadow</source>
        <translation>3 : ombre de nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="60"/>
        <source>4: vegetation</source>
        <translation>4 : végétation</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="61"/>
        <source>5: not vegetated</source>
        <translation>5 : sol non végétalisé</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="62"/>
        <source>6: water</source>
        <translation>6 : eau</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="63"/>
        <source>7: unclassified</source>
        <translation>7 : non classé</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="64"/>
        <source>8: cloud, medium probability</source>
        <translation>8 : nuage, probabilité moyenne</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="65"/>
        <source>9: cloud, high probability</source>
        <translation>9 : nuage, probabilité forte</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="66"/>
        <source>10: thin cirrus</source>
        <translation>10 : cirrus fin</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="67"/>
        <source>11: snow or ice</source>
        <translation>11 : neige ou glace</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="103"/>
        <source>Cloud mask from a product&apos;s mask</source>
        <translation>Masque de nuages depuis le masque d'un produit</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="106"/>
        <source>A binary cloud mask (1 cloud, 0 clear, 255 no data) from a MAJA CLM or MG2 mask, a Sen2Cor SCL or any classified raster.</source>
        <translation>Un masque de nuages binaire (1 nuage, 0 clair, 255 pas de données) à partir d'un masque MAJA CLM ou MG2, d'une SCL Sen2Cor ou de tout raster classé.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="110"/>
        <source>&lt;p&gt;Makes a binary cloud mask from the mask layer of a Sentinel-2 L2A product: 1 = cloud, 0 = clear, 255 = no data (uint8, tiled and compressed GeoTIFF).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA CLM&lt;/b&gt; (Theia): a pixel is cloud when at least one of the chosen bits is set. The default, all bits (CLM &amp;gt; 0), is the choice of the Theia Snow collection (LIS).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA MG2&lt;/b&gt;: same with the bits of the geophysical mask (default: bit 1, all clouds).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sen2Cor SCL&lt;/b&gt;: a pixel is cloud when its class is one of the chosen classes. The default, classes 3, 8, 9 and 10 (cloud shadow, clouds of medium and high probability, thin cirrus), is the choice of LIS for Sen2Cor products. Class 0 is no data.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Other raster&lt;/b&gt;: a pixel is cloud when its value is one of the listed values, for example &lt;i&gt;1, 2, 5-7&lt;/i&gt;; left empty, every non-zero value counts.&lt;/p&gt;&lt;p&gt;Pixels equal to the input&apos;s no-data value are no data in the output.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Produit un masque de nuages binaire à partir de la couche de masque d'un produit Sentinel-2 L2A : 1 = nuage, 0 = clair, 255 = pas de données (uint8, GeoTIFF tuilé et compressé).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA CLM&lt;/b&gt; (Theia) : un pixel est nuageux quand au moins un des bits choisis est à 1. Le choix par défaut, tous les bits (CLM &amp;gt; 0), est celui de la collection Neige de Theia (LIS).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA MG2&lt;/b&gt; : de même avec les bits du masque géophysique (par défaut : bit 1, tous les nuages).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SCL Sen2Cor&lt;/b&gt; : un pixel est nuageux quand sa classe fait partie des classes choisies. Le choix par défaut, les classes 3, 8, 9 et 10 (ombre de nuage, nuages de probabilité moyenne et forte, cirrus fins), est celui de LIS pour les produits Sen2Cor. La classe 0 signifie pas de données.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Autre raster&lt;/b&gt; : un pixel est nuageux quand sa valeur figure dans la liste, par exemple &lt;i&gt;1, 2, 5-7&lt;/i&gt; ; si la liste est vide, toute valeur non nulle compte.&lt;/p&gt;&lt;p&gt;Les pixels égaux à la valeur « pas de données » de l'entrée sont « pas de données » en sortie.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="125"/>
        <source>Mask raster</source>
        <translation>Raster de masque</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="125"/>
        <source>The mask layer of a product: a MAJA CLM or MG2 file, a Sen2Cor SCL file or any single-band classified raster.</source>
        <translation>La couche de masque d'un produit : un fichier MAJA CLM ou MG2, un fichier SCL Sen2Cor ou tout raster classé à une bande.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="129"/>
        <source>Kind of mask</source>
        <translation>Type de masque</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="129"/>
        <source>How to read the mask raster: MAJA bit fields, Sen2Cor classes or plain values.</source>
        <translation>Comment lire le raster de masque : champs de bits MAJA, classes Sen2Cor ou simples valeurs.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="133"/>
        <source>CLM bits that count as cloud</source>
        <translation>Bits du CLM comptés comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="133"/>
        <source>Used with a MAJA CLM. Default all bits (CLM &gt; 0), as in the Theia Snow collection.</source>
        <translation>Pour un CLM MAJA. Par défaut tous les bits (CLM &gt; 0), comme dans la collection Neige de Theia.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="138"/>
        <source>MG2 bits that count as cloud</source>
        <translation>Bits du MG2 comptés comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="138"/>
        <source>Used with a MAJA MG2. Default bit 1, all clouds.</source>
        <translation>Pour un MG2 MAJA. Par défaut le bit 1, tous les nuages.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="143"/>
        <source>SCL classes that count as cloud</source>
        <translation>Classes de la SCL comptées comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="143"/>
        <source>Used with a Sen2Cor SCL. Default 3, 8, 9, 10, as in the Theia Snow method for Sen2Cor.</source>
        <translation>Pour une SCL Sen2Cor. Par défaut 3, 8, 9, 10, comme dans la méthode Neige de Theia pour Sen2Cor.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="148"/>
        <source>Values that count as cloud</source>
        <translation>Valeurs comptées comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="148"/>
        <source>Used with another raster: values separated by commas, ranges with a dash (1, 2, 5-7). Empty: every non-zero value.</source>
        <translation>Pour un autre raster : valeurs séparées par des virgules, intervalles avec un tiret (1, 2, 5-7). Vide : toute valeur non nulle.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="218"/>
        <source>Cloud mask</source>
        <translation>Masque de nuages</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="164"/>
        <source>The mask raster could not be opened.</source>
        <translation>Le raster de masque n'a pas pu être ouvert.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="176"/>
        <source>Could not read the values &quot;{text}&quot;: write whole numbers separated by commas, ranges with a dash, for example 1, 2, 5-7.</source>
        <translation>Impossible de lire les valeurs « {text} » : écrivez des nombres entiers séparés par des virgules, les intervalles avec un tiret, par exemple 1, 2, 5-7.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="180"/>
        <source>No bit or class is selected: choose at least one that counts as cloud.</source>
        <translation>Aucun bit ni aucune classe n'est choisi : choisissez-en au moins un qui compte comme nuage.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="187"/>
        <source>{name} holds {dtype} values: a mask holds whole numbers. Is it a reflectance band rather than a mask?</source>
        <translation>{name} contient des valeurs {dtype} : un masque contient des nombres entiers. S'agit-il d'une bande de réflectance plutôt que d'un masque ?</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="191"/>
        <source>{name} holds {dtype} values, but MAJA masks and the Sen2Cor SCL are 8-bit (uint8). Is this the right file, or should the kind of mask be &quot;Other raster&quot;?</source>
        <translation>{name} contient des valeurs {dtype}, or les masques MAJA et la SCL Sen2Cor sont sur 8 bits (uint8). Est-ce le bon fichier, ou le type de masque devrait-il être « Autre raster » ?</translation>
    </message>
    <message>
        <location filename="../plugin/processing/cloudmask.py" line="205"/>
        <source>{name} holds the value {value}, but a Sen2Cor scene classification only has classes 0 to 11. Is this the SCL file (read at full resolution)?</source>
        <translation>{name} contient la valeur {value}, or une classification de scène Sen2Cor n'a que les classes 0 à 11. Est-ce bien le fichier SCL (lu à pleine résolution) ?</translation>
    </message>
    <message>
        <location filename="../plugin/qgis_plugin.py" line="55"/>
        <source>Névé: cloud masks and snow maps for Sentinel-2</source>
        <translation>Névé : masques de nuages et cartes de neige pour Sentinel-2</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="19"/>
        <source>Clear</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="20"/>
        <source>Cloud</source>
        <translation>Nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="29"/>
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
        <location filename="../plugin/processing/thresholds.py" line="32"/>
        <source>reflectance, 0 to 1</source>
        <translation>réflectance, 0 à 1</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="32"/>
        <source>NDSI, -1 to 1</source>
        <translation>NDSI, -1 à 1</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="33"/>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="33"/>
        <source>degrees</source>
        <translation>degrés</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="91"/>
        <source>Theia production since February 2018</source>
        <translation>Production Theia depuis février 2018</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="92"/>
        <source>Theia May 2017 to February 2018</source>
        <translation>Theia de mai 2017 à février 2018</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="93"/>
        <source>Theia Snow collection (LIS) defaults</source>
        <translation>Valeurs par défaut de la collection Neige de Theia (LIS)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="94"/>
        <source>No buffer</source>
        <translation>Sans tampon</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="100"/>
        <source>NDSI threshold, pass 1</source>
        <translation>Seuil de NDSI, passe 1</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="101"/>
        <source>Red threshold, pass 1</source>
        <translation>Seuil du rouge, passe 1</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="102"/>
        <source>NDSI threshold, pass 2</source>
        <translation>Seuil de NDSI, passe 2</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="103"/>
        <source>Red threshold, pass 2</source>
        <translation>Seuil du rouge, passe 2</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="104"/>
        <source>Red threshold for dark clouds</source>
        <translation>Seuil du rouge pour les nuages sombres</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="105"/>
        <source>Red threshold, back to cloud</source>
        <translation>Seuil du rouge, retour au nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="106"/>
        <source>Buffer distance</source>
        <translation>Distance du tampon</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="107"/>
        <source>SWIR threshold over water</source>
        <translation>Seuil SWIR sur l'eau</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="108"/>
        <source>SWIR threshold over water with sunglint</source>
        <translation>Seuil SWIR sur l'eau avec reflet du soleil</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="109"/>
        <source>Sunglint angle</source>
        <translation>Angle de reflet du soleil</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="115"/>
        <source>Pass 1: a cloud-free pixel is snow when its NDSI is above this value (and its red reflectance above the red threshold). LIS default 0.40.</source>
        <translation>Passe 1 : un pixel sans nuage est enneigé quand son NDSI dépasse cette valeur (et sa réflectance rouge le seuil du rouge). Valeur par défaut de LIS : 0,40.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="117"/>
        <source>Pass 1: a cloud-free pixel is snow when its red reflectance is above this value (and its NDSI above the NDSI threshold). LIS default 0.20.</source>
        <translation>Passe 1 : un pixel sans nuage est enneigé quand sa réflectance rouge dépasse cette valeur (et son NDSI le seuil de NDSI). Valeur par défaut de LIS : 0,20.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="119"/>
        <source>Pass 2, above the snowline only: snow when the NDSI is above this value. Should not be stricter than pass 1. LIS default 0.15.</source>
        <translation>Passe 2, au-dessus de la limite de la neige seulement : neige quand le NDSI dépasse cette valeur. Ne doit pas être plus strict que la passe 1. Valeur par défaut de LIS : 0,15.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="121"/>
        <source>Pass 2, above the snowline only: snow when the red reflectance is above this value. Should not be stricter than pass 1. LIS default 0.04.</source>
        <translation>Passe 2, au-dessus de la limite de la neige seulement : neige quand la réflectance rouge dépasse cette valeur. Ne doit pas être plus strict que la passe 1. Valeur par défaut de LIS : 0,04.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="123"/>
        <source>Dark-cloud test: a cloud pixel stays cloud only if the red reflectance averaged over 240 m is above this value; darker cloud pixels are offered to pass 2. LIS default 0.30.</source>
        <translation>Test des nuages sombres : un pixel nuageux reste nuage seulement si la réflectance rouge moyennée sur 240 m dépasse cette valeur ; les pixels nuageux plus sombres sont soumis à la passe 2. Valeur par défaut de LIS : 0,30.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="126"/>
        <source>A pixel of the original cloud mask that is not snow goes back to cloud when its red reflectance is above this value. LIS default 0.10.</source>
        <translation>Un pixel du masque de nuages d'origine qui n'est pas de la neige redevient nuage quand sa réflectance rouge dépasse cette valeur. Valeur par défaut de LIS : 0,10.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="128"/>
        <source>Cloud pixels are buffered by this distance in metres (Euclidean, from pixel centre to pixel centre). Theia: 480 m since February 2018, 240 m from May 2017; Sen2Cor: no buffer.</source>
        <translation>Les pixels nuageux sont entourés d'un tampon de cette distance en mètres (euclidienne, de centre de pixel à centre de pixel). Theia : 480 m depuis février 2018, 240 m à partir de mai 2017 ; Sen2Cor : pas de tampon.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="131"/>
        <source>A water pixel is cloud when its SWIR reflectance is above this value. Theia since February 2018: 0.04 (0.08 before).</source>
        <translation>Un pixel d'eau est nuageux quand sa réflectance SWIR dépasse cette valeur. Theia depuis février 2018 : 0,04 (0,08 auparavant).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="133"/>
        <source>The same test where sunglint is likely. Theia since February 2018: 0.16 (0.25 before).</source>
        <translation>Le même test là où un reflet du soleil est probable. Theia depuis février 2018 : 0,16 (0,25 auparavant).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/thresholds.py" line="135"/>
        <source>Sunglint is likely where the angle between the viewing direction and the direction of specular reflection of the sun is below this angle. MAJA: 30 degrees.</source>
        <translation>Un reflet du soleil est probable là où l'angle entre la direction de visée et la direction de réflexion spéculaire du soleil est inférieur à cet angle. MAJA : 30 degrés.</translation>
    </message>
</context>
</TS>
