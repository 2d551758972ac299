<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/pipeline/spec.py" line="174"/>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/spec.py" line="174"/>
        <source>Cloud masks</source>
        <translation>Masques de nuages</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="178"/>
        <source>Snow</source>
        <translation>Neige</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="186"/>
        <source>Névé needs the Python packages {packages}, which this QGIS cannot import. On Debian or Ubuntu install python3-scipy and python3-rasterio; on Windows open the OSGeo4W Shell and run: python -m pip install scipy rasterio. Then restart QGIS.</source>
        <translation>Névé a besoin des paquets Python {packages}, que ce QGIS ne peut pas importer. Sous Debian ou Ubuntu, installez python3-scipy et python3-rasterio ; sous Windows, ouvrez l'OSGeo4W Shell et lancez : python -m pip install scipy rasterio. Redémarrez ensuite QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/errors.py" line="73"/>
        <source>Cancelled: no output was written.</source>
        <translation>Annulé : aucune sortie n'a été écrite.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="17"/>
        <source>MAJA cloud mask CLM (bits)</source>
        <translation>Masque de nuages MAJA CLM (bits)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="21"/>
        <source>MAJA geophysical mask MG2 (bits)</source>
        <translation>Masque géophysique MAJA MG2 (bits)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="17"/>
        <source>Sen2Cor scene classification SCL (classes)</source>
        <translation>Classification de scène Sen2Cor SCL (classes)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="21"/>
        <source>Other raster (values)</source>
        <translation>Autre raster (valeurs)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="29"/>
        <source>Bit 0: all clouds except the thinnest, and all shadows</source>
        <translation>Bit 0 : tous les nuages sauf les plus fins, et toutes les ombres</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="29"/>
        <source>Bit 1: all clouds except the thinnest</source>
        <translation>Bit 1 : tous les nuages sauf les plus fins</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="29"/>
        <source>Bit 2: clouds from mono-temporal thresholds</source>
        <translation>Bit 2 : nuages détectés par seuils mono-temporels</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="29"/>
        <source>Bit 3: clouds from multi-temporal thresholds</source>
        <translation>Bit 3 : nuages détectés par seuils multi-temporels</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="29"/>
        <source>Bit 4: thinnest clouds</source>
        <translation>Bit 4 : nuages les plus fins</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="29"/>
        <source>Bit 5: shadows of clouds detected in the image</source>
        <translation>Bit 5 : ombres des nuages détectés dans l'image</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="29"/>
        <source>Bit 6: shadows of clouds outside the image</source>
        <translation>Bit 6 : ombres de nuages situés hors de l'image</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="29"/>
        <source>Bit 7: high clouds (cirrus band)</source>
        <translation>Bit 7 : nuages hauts (bande cirrus)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="42"/>
        <source>Bit 0: water</source>
        <translation>Bit 0 : eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="42"/>
        <source>Bit 1: all clouds</source>
        <translation>Bit 1 : tous les nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="42"/>
        <source>Bit 2: snow</source>
        <translation>Bit 2 : neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="42"/>
        <source>Bit 3: cloud shadows</source>
        <translation>Bit 3 : ombres des nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="42"/>
        <source>Bit 4: topographic shadows</source>
        <translation>Bit 4 : ombres topographiques</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="42"/>
        <source>Bit 5: hidden surfaces</source>
        <translation>Bit 5 : surfaces cachées</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="42"/>
        <source>Bit 6: sun too low for slope correction</source>
        <translation>Bit 6 : soleil trop bas pour la correction des pentes</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="42"/>
        <source>Bit 7: sun tangent to slope</source>
        <translation>Bit 7 : soleil rasant la pente</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>0: no data</source>
        <translation>0 : pas de données</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>1: saturated or defective</source>
        <translation>1 : saturé ou défectueux</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>2: dark area or topographic shadow</source>
        <translation>2 : zone sombre ou ombre topographique</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>3: cloud shadow</source>
        <translation>3 : ombre de nuage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>4: vegetation</source>
        <translation>4 : végétation</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>5: not vegetated</source>
        <translation>5 : sol non végétalisé</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>6: water</source>
        <translation>6 : eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>7: unclassified</source>
        <translation>7 : non classé</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>8: cloud, medium probability</source>
        <translation>8 : nuage, probabilité moyenne</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>9: cloud, high probability</source>
        <translation>9 : nuage, probabilité forte</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>10: thin cirrus</source>
        <translation>10 : cirrus fin</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="76"/>
        <source>11: snow or ice</source>
        <translation>11 : neige ou glace</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="128"/>
        <source>Cloud mask from a product&apos;s mask</source>
        <translation>Masque de nuages depuis le masque d'un produit</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="137"/>
        <source>&lt;p&gt;Makes a binary cloud mask from the mask layer of a Sentinel-2 L2A product: 1 = cloud, 0 = clear, 255 = no data (uint8, tiled and compressed GeoTIFF).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA CLM&lt;/b&gt; (Theia): a pixel is cloud when at least one of the chosen bits is set. The default, all bits (CLM &amp;gt; 0), is the choice of the Theia Snow collection (LIS).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA MG2&lt;/b&gt;: same with the bits of the geophysical mask (default: bit 1, all clouds).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sen2Cor SCL&lt;/b&gt;: a pixel is cloud when its class is one of the chosen classes. The default, classes 3, 8, 9 and 10 (cloud shadow, clouds of medium and high probability, thin cirrus), is the choice of LIS for Sen2Cor products. Class 0 is no data.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Other raster&lt;/b&gt;: a pixel is cloud when its value is one of the listed values, for example &lt;i&gt;1, 2, 5-7&lt;/i&gt;; left empty, every non-zero value counts.&lt;/p&gt;&lt;p&gt;Pixels equal to the input&apos;s no-data value are no data in the output.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Produit un masque de nuages binaire à partir de la couche de masque d'un produit Sentinel-2 L2A : 1 = nuage, 0 = clair, 255 = pas de données (uint8, GeoTIFF tuilé et compressé).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA CLM&lt;/b&gt; (Theia) : un pixel est nuageux quand au moins un des bits choisis est à 1. Le choix par défaut, tous les bits (CLM &amp;gt; 0), est celui de la collection Neige de Theia (LIS).&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA MG2&lt;/b&gt; : de même avec les bits du masque géophysique (par défaut : bit 1, tous les nuages).&lt;/p&gt;&lt;p&gt;&lt;b&gt;SCL Sen2Cor&lt;/b&gt; : un pixel est nuageux quand sa classe fait partie des classes choisies. Le choix par défaut, les classes 3, 8, 9 et 10 (ombre de nuage, nuages de probabilité moyenne et forte, cirrus fins), est celui de LIS pour les produits Sen2Cor. La classe 0 signifie pas de données.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Autre raster&lt;/b&gt; : un pixel est nuageux quand sa valeur figure dans la liste, par exemple &lt;i&gt;1, 2, 5-7&lt;/i&gt; ; si la liste est vide, toute valeur non nulle compte.&lt;/p&gt;&lt;p&gt;Les pixels égaux à la valeur « pas de données » de l'entrée sont « pas de données » en sortie.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="18"/>
        <source>Mask raster</source>
        <translation>Raster de masque</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>Kind of mask</source>
        <translation>Type de masque</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>CLM bits that count as cloud</source>
        <translation>Bits du CLM comptés comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>Used with a MAJA CLM. Default all bits (CLM &gt; 0), as in the Theia Snow collection.</source>
        <translation>Pour un CLM MAJA. Par défaut tous les bits (CLM &gt; 0), comme dans la collection Neige de Theia.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>MG2 bits that count as cloud</source>
        <translation>Bits du MG2 comptés comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>Used with a MAJA MG2. Default bit 1, all clouds.</source>
        <translation>Pour un MG2 MAJA. Par défaut le bit 1, tous les nuages.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>SCL classes that count as cloud</source>
        <translation>Classes de la SCL comptées comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>Used with a Sen2Cor SCL. Default 3, 8, 9, 10, as in the Theia Snow method for Sen2Cor.</source>
        <translation>Pour une SCL Sen2Cor. Par défaut 3, 8, 9, 10, comme dans la méthode Neige de Theia pour Sen2Cor.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>Values that count as cloud</source>
        <translation>Valeurs comptées comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>Used with another raster: values separated by commas, ranges with a dash (1, 2, 5-7). Empty: every non-zero value.</source>
        <translation>Pour un autre raster : valeurs séparées par des virgules, intervalles avec un tiret (1, 2, 5-7). Vide : toute valeur non nulle.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="237"/>
        <source>Cloud mask</source>
        <translation>Masque de nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudinputs.py" line="65"/>
        <source>Could not read the values &quot;{text}&quot;: write whole numbers separated by commas, ranges with a dash, for example 1, 2, 5-7.</source>
        <translation>Impossible de lire les valeurs « {text} » : écrivez des nombres entiers séparés par des virgules, les intervalles avec un tiret, par exemple 1, 2, 5-7.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudmask.py" line="152"/>
        <source>No bit or class is selected: choose at least one that counts as cloud.</source>
        <translation>Aucun bit ni aucune classe n'est choisi : choisissez-en au moins un qui compte comme nuage.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudmask.py" line="174"/>
        <source>{name} holds {dtype} values: a mask holds whole numbers. Is it a reflectance band rather than a mask?</source>
        <translation>{name} contient des valeurs {dtype} : un masque contient des nombres entiers. S'agit-il d'une bande de réflectance plutôt que d'un masque ?</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudmask.py" line="182"/>
        <source>{name} holds {dtype} values, but MAJA masks and the Sen2Cor SCL are 8-bit (uint8). Is this the right file, or should the kind of mask be &quot;Other raster&quot;?</source>
        <translation>{name} contient des valeurs {dtype}, or les masques MAJA et la SCL Sen2Cor sont sur 8 bits (uint8). Est-ce le bon fichier, ou le type de masque devrait-il être « Autre raster » ?</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudmask.py" line="127"/>
        <source>{name} holds the value {value}, but a Sen2Cor scene classification only has classes 0 to 11. Is this the SCL file (read at full resolution)?</source>
        <translation>{name} contient la valeur {value}, or une classification de scène Sen2Cor n'a que les classes 0 à 11. Est-ce bien le fichier SCL (lu à pleine résolution) ?</translation>
    </message>
    <message>
        <location filename="../plugin/qgis_plugin.py" line="85"/>
        <source>Névé: cloud masks and snow maps for Sentinel-2</source>
        <translation>Névé : masques de nuages et cartes de neige pour Sentinel-2</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="72"/>
        <source>Clear</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="72"/>
        <source>Cloud</source>
        <translation>Nuage</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="75"/>
        <source>No data</source>
        <translation>Pas de données</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="189"/>
        <source>Outside the mask</source>
        <translation>Hors du masque</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="135"/>
        <source>Mask</source>
        <translation>Masque</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="32"/>
        <source>reflectance, 0 to 1</source>
        <translation>réflectance, 0 à 1</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="32"/>
        <source>NDSI, -1 to 1</source>
        <translation>NDSI, -1 à 1</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="32"/>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="33"/>
        <source>degrees</source>
        <translation>degrés</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="96"/>
        <source>Theia production since February 2018</source>
        <translation>Production Theia depuis février 2018</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="97"/>
        <source>Theia May 2017 to February 2018</source>
        <translation>Theia de mai 2017 à février 2018</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="98"/>
        <source>Theia Snow collection (LIS) defaults</source>
        <translation>Valeurs par défaut de la collection Neige de Theia (LIS)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="99"/>
        <source>No buffer</source>
        <translation>Sans tampon</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="105"/>
        <source>NDSI threshold, pass 1</source>
        <translation>Seuil de NDSI, passe 1</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="106"/>
        <source>Red threshold, pass 1</source>
        <translation>Seuil du rouge, passe 1</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="107"/>
        <source>NDSI threshold, pass 2</source>
        <translation>Seuil de NDSI, passe 2</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="108"/>
        <source>Red threshold, pass 2</source>
        <translation>Seuil du rouge, passe 2</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="109"/>
        <source>Red threshold for dark clouds</source>
        <translation>Seuil du rouge pour les nuages sombres</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="110"/>
        <source>Red threshold, back to cloud</source>
        <translation>Seuil du rouge, retour au nuage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="111"/>
        <source>Buffer distance</source>
        <translation>Distance du tampon</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="112"/>
        <source>SWIR threshold over water</source>
        <translation>Seuil SWIR sur l'eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="113"/>
        <source>SWIR threshold over water with sunglint</source>
        <translation>Seuil SWIR sur l'eau avec reflet du soleil</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="114"/>
        <source>Sunglint angle</source>
        <translation>Angle de reflet du soleil</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="127"/>
        <source>Pass 1: a cloud-free pixel is snow when its NDSI is above this value (and its red reflectance above the red threshold). LIS default 0.40.</source>
        <translation>Passe 1 : un pixel sans nuage est enneigé quand son NDSI dépasse cette valeur (et sa réflectance rouge le seuil du rouge). Valeur par défaut de LIS : 0,40.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="129"/>
        <source>Pass 1: a cloud-free pixel is snow when its red reflectance is above this value (and its NDSI above the NDSI threshold). LIS default 0.20.</source>
        <translation>Passe 1 : un pixel sans nuage est enneigé quand sa réflectance rouge dépasse cette valeur (et son NDSI le seuil de NDSI). Valeur par défaut de LIS : 0,20.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="131"/>
        <source>Pass 2, above the snowline only: snow when the NDSI is above this value. Should not be stricter than pass 1. LIS default 0.15.</source>
        <translation>Passe 2, au-dessus de la limite d'enneigement seulement : neige quand le NDSI dépasse cette valeur. Ne doit pas être plus strict que la passe 1. Valeur par défaut de LIS : 0,15.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="133"/>
        <source>Pass 2, above the snowline only: snow when the red reflectance is above this value. Should not be stricter than pass 1. LIS default 0.04.</source>
        <translation>Passe 2, au-dessus de la limite d'enneigement seulement : neige quand la réflectance rouge dépasse cette valeur. Ne doit pas être plus strict que la passe 1. Valeur par défaut de LIS : 0,04.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="135"/>
        <source>Dark-cloud test: a cloud pixel stays cloud only if the red reflectance averaged over 240 m is above this value; darker cloud pixels are offered to pass 2. LIS default 0.30.</source>
        <translation>Test des nuages sombres : un pixel nuageux reste nuage seulement si la réflectance rouge moyennée sur 240 m dépasse cette valeur ; les pixels nuageux plus sombres sont soumis à la passe 2. Valeur par défaut de LIS : 0,30.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="138"/>
        <source>A pixel of the original cloud mask that is not snow goes back to cloud when its red reflectance is above this value. LIS default 0.10.</source>
        <translation>Un pixel du masque de nuages d'origine qui n'est pas de la neige redevient nuage quand sa réflectance rouge dépasse cette valeur. Valeur par défaut de LIS : 0,10.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="140"/>
        <source>Cloud pixels are buffered by this distance in metres (Euclidean, from pixel centre to pixel centre). Theia: 480 m since February 2018, 240 m from May 2017; Sen2Cor: no buffer.</source>
        <translation>Les pixels nuageux sont entourés d'un tampon de cette distance en mètres (euclidienne, de centre de pixel à centre de pixel). Theia : 480 m depuis février 2018, 240 m à partir de mai 2017 ; Sen2Cor : pas de tampon.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="143"/>
        <source>A water pixel is cloud when its SWIR reflectance is above this value. Theia since February 2018: 0.04 (0.08 before).</source>
        <translation>Un pixel d'eau est nuageux quand sa réflectance SWIR dépasse cette valeur. Theia depuis février 2018 : 0,04 (0,08 auparavant).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="145"/>
        <source>The same test where sunglint is likely. Theia since February 2018: 0.16 (0.25 before).</source>
        <translation>Le même test là où un reflet du soleil est probable. Theia depuis février 2018 : 0,16 (0,25 auparavant).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="147"/>
        <source>Sunglint is likely where the angle between the viewing direction and the direction of specular reflection of the sun is below this angle. MAJA: 30 degrees.</source>
        <translation>Un reflet du soleil est probable là où l'angle entre la direction de visée et la direction de réflexion spéculaire du soleil est inférieur à cet angle. MAJA : 30 degrés.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="188"/>
        <source>&quot;{name}&quot; is not a Sentinel-2 band: expected one of {bands}.</source>
        <translation>« {name} » n'est pas une bande Sentinel-2 : attendu l'une de {bands}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="249"/>
        <source>{file} is larger than {size} MB: this is not product metadata.</source>
        <translation>{file} dépasse {size} Mo : ce ne sont pas les métadonnées d'un produit.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="272"/>
        <source>{file} declares a document type or entities (&lt;!DOCTYPE&gt;, &lt;!ENTITY&gt;). Product metadata never does: the file is refused for safety.</source>
        <translation>{file} déclare un type de document ou des entités (&lt;!DOCTYPE&gt;, &lt;!ENTITY&gt;). Les métadonnées d'un produit n'en déclarent jamais : le fichier est refusé par sécurité.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="276"/>
        <source>{file} is not well-formed XML ({error}): the metadata is damaged or incomplete.</source>
        <translation>{file} n'est pas un XML bien formé ({error}) : les métadonnées sont endommagées ou incomplètes.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="307"/>
        <source>The angle grids of {file} have rows of different lengths: the metadata is damaged.</source>
        <translation>Les grilles d'angles de {file} ont des lignes de longueurs différentes : les métadonnées sont endommagées.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="312"/>
        <source>The angle grids of {file} hold values that are not numbers: the metadata is damaged.</source>
        <translation>Les grilles d'angles de {file} contiennent des valeurs qui ne sont pas des nombres : les métadonnées sont endommagées.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="325"/>
        <source>The zenith and azimuth grids of {file} differ in size: the metadata is damaged.</source>
        <translation>Les grilles de zénith et d'azimut de {file} n'ont pas la même taille : les métadonnées sont endommagées.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="380"/>
        <source>Could not read {file}: {error}.</source>
        <translation>Impossible de lire {file} : {error}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="412"/>
        <source>{file} is not a readable zip file ({error}): it may be damaged or incompletely downloaded.</source>
        <translation>{file} n'est pas un fichier zip lisible ({error}) : il est peut-être endommagé ou incomplètement téléchargé.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="417"/>
        <source>{file} holds a file named &quot;{name}&quot;, which points outside the zip (an absolute path or &quot;..&quot;). A product never does: the zip is refused for safety.</source>
        <translation>{file} contient un fichier nommé « {name} », qui pointe hors du zip (chemin absolu ou « .. »). Un produit n'en contient jamais : le zip est refusé par sécurité.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="429"/>
        <source>Could not read {file} in {zip} ({error}): the zip may be damaged.</source>
        <translation>Impossible de lire {file} dans {zip} ({error}) : le zip est peut-être endommagé.</translation>
    </message>
    <message>
        <location filename="../plugin/io/readers.py" line="66"/>
        <source>{path} holds several products ({products}): choose one of them.</source>
        <translation>{path} contient plusieurs produits ({products}) : choisissez-en un.</translation>
    </message>
    <message>
        <location filename="../plugin/io/readers.py" line="71"/>
        <source>{path} is a Level-1C product (top-of-atmosphere reflectance, MTD_MSIL1C.xml). Névé needs a Level-2A product (surface reflectance) made by Sen2Cor or MAJA.</source>
        <translation>{path} est un produit de niveau 1C (réflectance au sommet de l'atmosphère, MTD_MSIL1C.xml). Névé a besoin d'un produit de niveau 2A (réflectance de surface) produit par Sen2Cor ou MAJA.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="521"/>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="521"/>
        <source>{product} lacks {missing}; it has {found}.</source>
        <translation>{product} ne contient pas {missing} ; il contient {found}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="603"/>
        <source>{product} has no mask to tell &quot;{kind}&quot; from: it needs {sources}.</source>
        <translation>{product} n'a aucun masque d'où tirer « {kind} » : il faut {sources}.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product.py" line="308"/>
        <source>Could not read {file}: the file is damaged or truncated (GDAL: {error}). Download the product again.</source>
        <translation>Impossible de lire {file} : le fichier est endommagé ou tronqué (GDAL : {error}). Téléchargez de nouveau le produit.</translation>
    </message>
    <message>
        <location filename="../plugin/io/readers.py" line="87"/>
        <source>{path} does not exist: expected a product folder, its .zip, or its metadata file.</source>
        <translation>{path} n'existe pas : attendu le dossier d'un produit, son .zip ou son fichier de métadonnées.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="210"/>
        <source>Band layers</source>
        <translation>Couches de bandes</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="732"/>
        <source>&quot;{name}&quot; is not a mask Névé knows: expected one of {masks}.</source>
        <translation>« {name} » n'est pas un masque connu de Névé : attendu l'un de {masks}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="737"/>
        <source>No raster was given for {name}.</source>
        <translation>Aucun raster n'a été donné pour {name}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="445"/>
        <source>{product} has no MTD_ALL.xml: dates, tile and version come from its name, the scale ({scale:g}) and nodata ({nodata}) from the Theia format; it has no angles and no quality flags.</source>
        <translation>{product} n'a pas de MTD_ALL.xml : dates, tuile et version viennent de son nom, le facteur d'échelle ({scale:g}) et la valeur sans donnée ({nodata}) du format Theia ; il n'a ni angles ni indicateurs de qualité.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="790"/>
        <source>{product} is a product of level {level}. Névé needs a Level-2A product (surface reflectance) made by MAJA or Sen2Cor.</source>
        <translation>{product} est un produit de niveau {level}. Névé a besoin d'un produit de niveau 2A (réflectance de surface) produit par MAJA ou Sen2Cor.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="794"/>
        <source>The metadata of {product} lists band {band}, but its file is missing.</source>
        <translation>Les métadonnées de {product} citent la bande {band}, mais son fichier manque.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="818"/>
        <source>{file} gives no REFLECTANCE_QUANTIFICATION_VALUE: {scale:g} is used, as in the Theia format.</source>
        <translation>{file} ne donne pas de REFLECTANCE_QUANTIFICATION_VALUE : la valeur {scale:g} du format Theia est utilisée.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="980"/>
        <source>{file} gives no sun angles, or not all of them.</source>
        <translation>{file} ne donne pas les angles solaires, ou pas tous.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="876"/>
        <source>{product} is a product of type {type} ({level}). Névé needs a Level-2A product (surface reflectance) made by Sen2Cor or MAJA.</source>
        <translation>{product} est un produit de type {type} ({level}). Névé a besoin d'un produit de niveau 2A (réflectance de surface) produit par Sen2Cor ou MAJA.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="906"/>
        <source>{file} gives no BOA_ADD_OFFSET although its processing baseline is {version}: the offset {offset:g} of baselines {baseline} and later is used.</source>
        <translation>{file} ne donne pas de BOA_ADD_OFFSET alors que sa version de traitement (baseline) est {version} : le décalage {offset:g} des versions {baseline} et suivantes est utilisé.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="921"/>
        <source>{product} holds several tiles ({tiles}): Névé reads one tile per product.</source>
        <translation>{product} contient plusieurs tuiles ({tiles}) : Névé lit une tuile par produit.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="940"/>
        <source>{product} has no GRANULE/*/MTD_TL.xml: it has no angles.</source>
        <translation>{product} n'a pas de GRANULE/*/MTD_TL.xml : il n'a pas d'angles.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="1009"/>
        <source>{product} has no reflectance band file: the product is incomplete. Found in {path}: {files}.</source>
        <translation>{product} n'a aucun fichier de bande de réflectance : le produit est incomplet. Contenu de {path} : {files}.</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="63"/>
        <source>No snow</source>
        <translation>Pas de neige</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="74"/>
        <source>Cloud over water (SWIR test)</source>
        <translation>Nuage sur l'eau (test SWIR)</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="75"/>
        <source>Buffer</source>
        <translation>Tampon</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="108"/>
        <source>The preview needs the Python packages {packages}, which this QGIS cannot import.</source>
        <translation>L'aperçu a besoin des paquets Python {packages}, que ce QGIS ne peut pas importer.</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="116"/>
        <source>{product} lacks what the preview needs: the bands B3, B4 and B11 and a cloud mask (CLM or SCL).</source>
        <translation>Il manque à {product} ce dont l'aperçu a besoin : les bandes B3, B4 et B11 et un masque de nuages (CLM ou SCL).</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="124"/>
        <source>with DEM</source>
        <translation>avec MNT</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="88"/>
        <source>NDSI of the visible area</source>
        <translation>NDSI de la zone visible</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="88"/>
        <source>Red reflectance of the visible area</source>
        <translation>Réflectance rouge de la zone visible</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="89"/>
        <source>SWIR reflectance over water</source>
        <translation>Réflectance SWIR sur l'eau</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="94"/>
        <source>pass 1</source>
        <translation>passe 1</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="95"/>
        <source>pass 2</source>
        <translation>passe 2</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="95"/>
        <source>dark cloud</source>
        <translation>nuage sombre</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="96"/>
        <source>back to cloud</source>
        <translation>retour au nuage</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="96"/>
        <source>water</source>
        <translation>eau</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="97"/>
        <source>sunglint</source>
        <translation>reflet</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="155"/>
        <source>Névé: tune thresholds</source>
        <translation>Névé : ajuster les seuils</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="184"/>
        <source>Cloud refinement</source>
        <translation>Affinage du masque de nuages</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="206"/>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="209"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="221"/>
        <source>Sentinel-2 L2A products (*.zip *_MTD_ALL.xml MTD_MSIL2A.xml);;All files (*)</source>
        <translation>Produits Sentinel-2 L2A (*.zip *_MTD_ALL.xml MTD_MSIL2A.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="432"/>
        <source>Choose a Sentinel-2 L2A product</source>
        <translation>Choisir un produit Sentinel-2 L2A</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="224"/>
        <source>A Theia/MUSCATE product (its folder, its .zip or its *_MTD_ALL.xml) or an ESA Sen2Cor product (its .SAFE folder, its .zip or its MTD_MSIL2A.xml). A folder can be typed or pasted.</source>
        <translation>Un produit Theia/MUSCATE (son dossier, son .zip ou son *_MTD_ALL.xml) ou un produit Sen2Cor de l'ESA (son dossier .SAFE, son .zip ou son MTD_MSIL2A.xml). Un dossier peut être saisi ou collé.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="237"/>
        <source>Green (B3)</source>
        <translation>Vert (B3)</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="237"/>
        <source>Red (B4)</source>
        <translation>Rouge (B4)</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="237"/>
        <source>SWIR (B11)</source>
        <translation>SWIR (B11)</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="237"/>
        <source>SWIR (B12)</source>
        <translation>SWIR (B12)</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="237"/>
        <source>MAJA MG2 (water)</source>
        <translation>MG2 de MAJA (eau)</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="244"/>
        <source>MAJA CLM (bits)</source>
        <translation>CLM de MAJA (bits)</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="245"/>
        <source>Sen2Cor SCL (classes)</source>
        <translation>SCL de Sen2Cor (classes)</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="249"/>
        <source>Kind of cloud mask</source>
        <translation>Type de masque de nuages</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="257"/>
        <source>Elevation in metres on any grid (resampled to the product&apos;s). Without it there is no snowline and no pass 2.</source>
        <translation>Altitude en mètres, sur n'importe quelle grille (rééchantillonnée sur celle du produit). Sans MNT, pas de limite d'enneigement ni de passe 2.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="259"/>
        <source>DEM (optional)</source>
        <translation>MNT (facultatif)</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="261"/>
        <source>Zoom to the product</source>
        <translation>Zoomer sur le produit</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="275"/>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="330"/>
        <source>Choose a Sentinel-2 L2A product (Theia or Sen2Cor), or its band layers, to see what the thresholds do on it. A DEM adds the snowline and the second snow pass.</source>
        <translation>Choisissez un produit Sentinel-2 L2A (Theia ou Sen2Cor), ou ses couches de bandes, pour voir l'effet des seuils sur votre scène. Un MNT ajoute la limite d'enneigement et la seconde passe de détection de la neige.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="352"/>
        <source>Presets</source>
        <translation>Préréglages</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="357"/>
        <source>Choose a preset to set its thresholds. Built-in presets are the values of production systems; yours are kept in your QGIS profile.</source>
        <translation>Choisissez un préréglage pour appliquer ses seuils. Les préréglages intégrés sont les valeurs des chaînes de production ; les vôtres sont conservés dans votre profil QGIS.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="364"/>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="364"/>
        <source>Save the current thresholds as a preset of yours</source>
        <translation>Enregistrer les seuils actuels comme préréglage personnel</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="367"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="369"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="390"/>
        <source>Presets…</source>
        <translation>Préréglages…</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="440"/>
        <source>Save preset</source>
        <translation>Enregistrer le préréglage</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="436"/>
        <source>Name of the preset:</source>
        <translation>Nom du préréglage :</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="440"/>
        <source>Replace your preset &quot;{name}&quot;?</source>
        <translation>Remplacer votre préréglage « {name} » ?</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="456"/>
        <source>Rename preset</source>
        <translation>Renommer le préréglage</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="450"/>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="456"/>
        <source>A preset named &quot;{name}&quot; exists already.</source>
        <translation>Un préréglage nommé « {name} » existe déjà.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="463"/>
        <source>Delete preset</source>
        <translation>Supprimer le préréglage</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="463"/>
        <source>Delete your preset &quot;{name}&quot;?</source>
        <translation>Supprimer votre préréglage « {name} » ?</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="500"/>
        <source>Visible area</source>
        <translation>Zone visible</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="506"/>
        <source>Drag a line to set its threshold.</source>
        <translation>Faites glisser une ligne pour régler son seuil.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="545"/>
        <source>Run on the whole product</source>
        <translation>Lancer sur tout le produit</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="576"/>
        <source>Opens the Processing dialog of {algorithm} with these thresholds.</source>
        <translation>Ouvre la boîte de dialogue Traitement de {algorithm} avec ces seuils.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="576"/>
        <source>This version of Névé has no algorithm {id}.</source>
        <translation>Cette version de Névé n'a pas d'algorithme {id}.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="668"/>
        <source>No valid pixel of the input in the visible area.</source>
        <translation>Aucun pixel valide de l'entrée dans la zone visible.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="669"/>
        <source>Snow map: snow {snow:.1f} %, cloud {cloud:.1f} %, clear {clear:.1f} % of the valid pixels</source>
        <translation>Carte de neige : neige {snow:.1f} %, nuage {cloud:.1f} %, dégagé {clear:.1f} % des pixels valides</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="671"/>
        <source>Refined cloud mask: cloud {cloud:.1f} %</source>
        <translation>Masque de nuages affiné : nuage {cloud:.1f} %</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="674"/>
        <source>Snowline: choose a DEM to compute it</source>
        <translation>Limite d'enneigement : choisissez un MNT pour la calculer</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="676"/>
        <source>Snowline: none in view (no pass 2)</source>
        <translation>Limite d'enneigement : aucune dans la vue (pas de passe 2)</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="678"/>
        <source>Snowline: {elevation:.0f} m</source>
        <translation>Limite d'enneigement : {elevation:.0f} m</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="37"/>
        <source>From {minimum} to {maximum}, default {default}.</source>
        <translation>De {minimum} à {maximum}, {default} par défaut.</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="680"/>
        <source>No pixel</source>
        <translation>Aucun pixel</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="41"/>
        <source>Resolution with a product (m)</source>
        <translation>Résolution avec un produit (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudmask.py" line="101"/>
        <source>No input: give a Sentinel-2 L2A product or a mask raster.</source>
        <translation>Aucune entrée : donnez un produit Sentinel-2 L2A ou un raster de masque.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/common.py" line="55"/>
        <source>Reflectance scale of the layers</source>
        <translation>Échelle de réflectance des couches</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/common.py" line="55"/>
        <source>With layers: reflectance = (value + offset) / scale. 10000 for Theia FRE/SRE and Sen2Cor.</source>
        <translation>Avec des couches : réflectance = (valeur + décalage) / échelle. 10000 pour les FRE/SRE de Theia et pour Sen2Cor.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/common.py" line="55"/>
        <source>Reflectance offset of the layers</source>
        <translation>Décalage de réflectance des couches</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/common.py" line="55"/>
        <source>With layers: reflectance = (value + offset) / scale. Sen2Cor from processing baseline 04.00 (January 2022): -1000; before, and Theia: 0.</source>
        <translation>Avec des couches : réflectance = (valeur + décalage) / échelle. Sen2Cor à partir de la version de traitement 04.00 (janvier 2022) : -1000 ; avant, et pour Theia : 0.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/spec.py" line="238"/>
        <source>No input: give a Sentinel-2 L2A product, or the layers ({layers}).</source>
        <translation>Aucune entrée : donnez un produit Sentinel-2 L2A, ou les couches ({layers}).</translation>
    </message>
    <message>
        <location filename="../plugin/qgis_plugin.py" line="105"/>
        <source>Tune thresholds…</source>
        <translation>Ajuster les seuils…</translation>
    </message>
    <message>
        <location filename="../plugin/qgis_plugin.py" line="107"/>
        <source>Névé: see what the snow and cloud thresholds do on your scene</source>
        <translation>Névé : voir l'effet des seuils de neige et de nuages sur votre scène</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="305"/>
        <source>The preview failed: {error}</source>
        <translation>L'aperçu a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="393"/>
        <source>Snow map (preview)</source>
        <translation>Carte de neige (aperçu)</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="393"/>
        <source>Refined cloud mask (preview)</source>
        <translation>Masque de nuages affiné (aperçu)</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="421"/>
        <source>Névé preview</source>
        <translation>Aperçu Névé</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="67"/>
        <source>10 m reflectance stack (B2, B3, B4, B8)</source>
        <translation>Pile de réflectances à 10 m (B2, B3, B4, B8)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="69"/>
        <source>20 m reflectance stack (B5, B6, B7, B8A, B11, B12)</source>
        <translation>Pile de réflectances à 20 m (B5, B6, B7, B8A, B11, B12)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="76"/>
        <source>Cloud shadow mask</source>
        <translation>Masque des ombres de nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="68"/>
        <source>Water mask</source>
        <translation>Masque de l'eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="78"/>
        <source>Snow mask</source>
        <translation>Masque de la neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="79"/>
        <source>No-data mask</source>
        <translation>Masque des pixels sans données</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="38"/>
        <source>FRE: flat reflectance (slope-corrected), as the Theia Snow collection uses</source>
        <translation>FRE : réflectance corrigée des pentes (« flat »), comme la collection Neige de Theia</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="38"/>
        <source>SRE: surface reflectance without slope correction</source>
        <translation>SRE : réflectance de surface sans correction des pentes</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="98"/>
        <source>Reflectance stacks at 10 and 20 m, the decoded cloud, shadow, water, snow and no-data masks, and a summary of a Theia/MAJA or Sen2Cor product.</source>
        <translation>Piles de réflectances à 10 et 20 m, masques décodés des nuages, des ombres, de l'eau, de la neige et des pixels sans données, et résumé d'un produit Theia/MAJA ou Sen2Cor.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="90"/>
        <source>Theia reflectance</source>
        <translation>Réflectance Theia</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="62"/>
        <source>Theia products carry two reflectances: FRE, corrected for the slopes&apos; illumination (used by the Theia Snow collection), and SRE, without that correction. Sen2Cor products have one.</source>
        <translation>Les produits Theia contiennent deux réflectances : FRE, corrigée de l'éclairement des pentes (celle qu'utilise la collection Neige de Theia), et SRE, sans cette correction. Les produits Sen2Cor n'en ont qu'une.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="51"/>
        <source>GDAL virtual rasters (*.vrt)</source>
        <translation>Rasters virtuels GDAL (*.vrt)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="52"/>
        <source>A small VRT file pointing to the product&apos;s band files (keep the product where it is).</source>
        <translation>Un petit fichier VRT qui pointe vers les fichiers de bandes du produit (laissez le produit où il est).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="80"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="68"/>
        <source>HTML files (*.html)</source>
        <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="82"/>
        <source>Product name</source>
        <translation>Nom du produit</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="82"/>
        <source>Acquisition date and time (UTC, ISO 8601)</source>
        <translation>Date et heure d'acquisition (UTC, ISO 8601)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="75"/>
        <source>Tile</source>
        <translation>Tuile</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="74"/>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="82"/>
        <source>Product version (Theia) or processing baseline (Sen2Cor)</source>
        <translation>Version du produit (Theia) ou version de traitement (Sen2Cor)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="82"/>
        <source>Cloud percent of the valid pixels</source>
        <translation>Pourcentage de nuages parmi les pixels valides</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="82"/>
        <source>Snow percent of the valid pixels</source>
        <translation>Pourcentage de neige parmi les pixels valides</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="82"/>
        <source>Mean sun zenith angle (degrees)</source>
        <translation>Angle zénithal solaire moyen (degrés)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="82"/>
        <source>Mean sun azimuth angle (degrees)</source>
        <translation>Azimut solaire moyen (degrés)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="94"/>
        <source>Sunglint likely</source>
        <translation>Reflets du soleil probables</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product.py" line="165"/>
        <source>{product} is a Sen2Cor product: it has one reflectance, used as it is (SRE exists in Theia products only).</source>
        <translation>{product} est un produit Sen2Cor : il n'a qu'une réflectance, utilisée telle quelle (SRE n'existe que dans les produits Theia).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product.py" line="292"/>
        <source>{product} lacks {bands}, needed for the {stack}. Skip that output to load the rest, or download the product again.</source>
        <translation>Il manque {bands} à {product}, nécessaire(s) pour « {stack} ». Ignorez cette sortie pour charger le reste, ou téléchargez de nouveau le produit.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product.py" line="312"/>
        <source>{file} is not in the coordinate reference system of the product ({crs}).</source>
        <translation>{file} n'est pas dans le système de coordonnées de référence du produit ({crs}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product.py" line="318"/>
        <source>{product} has {bands} only at a coarser resolution than {resolution} m: in the {stack} each of their pixels is repeated (nearest neighbour), values unchanged.</source>
        <translation>{product} ne contient {bands} qu'à une résolution plus grossière que {resolution} m : dans « {stack} », chacun de leurs pixels est répété (plus proche voisin), valeurs inchangées.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="115"/>
        <source>MAJA&apos;s flag in the metadata</source>
        <translation>indicateur de MAJA dans les métadonnées</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="117"/>
        <source>MAJA's rule on the mean angles: glint angle below 30° for some band</source>
        <translation>règle de MAJA sur les angles moyens : angle de reflet inférieur à 30° pour au moins une bande</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="118"/>
        <source>unknown: the product gives no flag and no angles</source>
        <translation>inconnu : le produit ne donne ni indicateur ni angles</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="54"/>
        <source>Theia/MUSCATE (MAJA)</source>
        <translation>Theia/MUSCATE (MAJA)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="54"/>
        <source>ESA Sen2Cor</source>
        <translation>ESA Sen2Cor</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="56"/>
        <source>Processing baseline</source>
        <translation>Version de traitement</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="56"/>
        <source>Product version</source>
        <translation>Version du produit</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="60"/>
        <source>DN / {scale:g}, no data {nodata}</source>
        <translation>CN / {scale:g}, sans données {nodata}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="63"/>
        <source>(DN {offset}) / {scale:g}, no data {nodata}</source>
        <translation>(CN {offset}) / {scale:g}, sans données {nodata}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="73"/>
        <source>Producer</source>
        <translation>Producteur</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="76"/>
        <source>Acquisition (UTC)</source>
        <translation>Acquisition (UTC)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="77"/>
        <source>Production (UTC)</source>
        <translation>Production (UTC)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="83"/>
        <source>Reflectance</source>
        <translation>Réflectance</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="92"/>
        <source>Mean sun zenith angle</source>
        <translation>Angle zénithal solaire moyen</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="93"/>
        <source>Mean sun azimuth angle</source>
        <translation>Azimut solaire moyen</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="73"/>
        <source>Cloud shadow</source>
        <translation>Ombre de nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="157"/>
        <source>Water</source>
        <translation>Eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="124"/>
        <source>No data (of all pixels)</source>
        <translation>Sans données (parmi tous les pixels)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="160"/>
        <source>Summary of {product}</source>
        <translation>Résumé de {product}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="136"/>
        <source>Quality indicators of the product:</source>
        <translation>Indicateurs de qualité du produit :</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="145"/>
        <source>Percent of the valid pixels, counted on the masks decoded by Névé.</source>
        <translation>Pourcentage des pixels valides, compté sur les masques décodés par Névé.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="147"/>
        <source>Percent</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="151"/>
        <source>Quality indicators of the product</source>
        <translation>Indicateurs de qualité du produit</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="152"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="50"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="100"/>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="158"/>
        <source>Files written</source>
        <translation>Fichiers écrits</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="371"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="371"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="173"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="148"/>
        <source>No cloud shadow</source>
        <translation>Pas d'ombre de nuage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="156"/>
        <source>Not water</source>
        <translation>Pas d'eau</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="172"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/spec.py" line="225"/>
        <source>{parameter}: {value} is out of range; give a value from {minimum} to {maximum}.</source>
        <translation>{parameter} : {value} est hors limites ; donnez une valeur de {minimum} à {maximum}.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/inputs.py" line="148"/>
        <source>{name} has no coordinate reference system: distances in metres need a projected CRS in metres (the products&apos; UTM zone).</source>
        <translation>{name} n'a pas de système de coordonnées de référence : des distances en mètres demandent un SCR projeté en mètres (la zone UTM des produits).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/inputs.py" line="152"/>
        <source>{name} is in a geographic CRS ({crs}), in degrees: distances in metres need a projected CRS in metres. Reproject it first (for Sentinel-2, to the tile&apos;s UTM zone).</source>
        <translation>{name} est dans un SCR géographique ({crs}), en degrés : des distances en mètres demandent un SCR projeté en mètres. Reprojetez-le d'abord (pour Sentinel-2, dans la zone UTM de la tuile).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/inputs.py" line="158"/>
        <source>{name} is in a CRS whose unit is {unit}, not metres: distances in metres need a projected CRS in metres. Reproject it first.</source>
        <translation>{name} est dans un SCR dont l'unité est {unit}, pas le mètre : des distances en mètres demandent un SCR projeté en mètres. Reprojetez-le d'abord.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="277"/>
        <source>{name} is rotated: distances need a north-up raster. Warp it to a north-up grid first.</source>
        <translation>{name} est tourné : les distances demandent un raster orienté au nord. Rééchantillonnez-le d'abord sur une grille orientée au nord.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/inputs.py" line="169"/>
        <source>{width} x {height} pixels of {px:g} x {py:g}, origin ({x:.2f}, {y:.2f}), {crs}</source>
        <translation>{width} x {height} pixels de {px:g} x {py:g}, origine ({x:.2f}, {y:.2f}), {crs}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/inputs.py" line="194"/>
        <source>{name} is not on the grid of {reference}: {name} has {grid}, {reference} has {reference_grid}. Give layers on the same grid, or ask for resampling (&quot;Resample layers on other grids&quot;).</source>
        <translation>{name} n'est pas sur la grille de {reference} : {name} a {grid}, {reference} a {reference_grid}. Donnez des couches sur la même grille, ou demandez un rééchantillonnage (« Rééchantillonner les couches sur d'autres grilles »).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudinputs.py" line="123"/>
        <source>{product} has no cloud mask (CLM or SCL).</source>
        <translation>{product} n'a pas de masque de nuages (CLM ou SCL).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudinputs.py" line="315"/>
        <source>{product} has no per-band viewing angles in its metadata: the parallax buffer needs them. Set the parallax height to 0.</source>
        <translation>{product} n'a pas d'angles de visée par bande dans ses métadonnées : le tampon de parallaxe en a besoin. Mettez la hauteur de parallaxe à 0.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="51"/>
        <source>Parallax height (m, 0 = off)</source>
        <translation>Hauteur de parallaxe (m, 0 = sans)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="51"/>
        <source>The 12 bands of Sentinel-2 look in slightly different directions, so a cloud at this height appears at a different place in each band (larger for higher clouds, such as contrails). Above 0, the buffer also covers every displacement between the bands&apos; viewing directions for a cloud at this height (from the product&apos;s per-band mean viewing angles: needs a product). 0 (default): a plain disk, as MAJA.</source>
        <translation>Les 12 bandes de Sentinel-2 visent dans des directions légèrement différentes : un nuage à cette hauteur apparaît à une place différente dans chaque bande (d'autant plus qu'il est haut, comme les traînées de condensation). Au-dessus de 0, le tampon couvre aussi tous les déplacements entre les directions de visée des bandes pour un nuage à cette hauteur (d'après les angles de visée moyens de chaque bande du produit : il faut un produit). 0 (par défaut) : un simple disque, comme MAJA.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/dilatemask.py" line="23"/>
        <source>Buffer a mask by a distance</source>
        <translation>Tampon d'un masque à une distance</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/dilatemask.py" line="23"/>
        <source>Exact Euclidean buffer of a mask (1 buffered, 0 outside, 255 no data), optionally extended by the parallax between the bands.</source>
        <translation>Tampon euclidien exact d'un masque (1 dans le tampon, 0 hors, 255 pas de données), étendu au besoin par la parallaxe entre les bandes.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/dilatemask.py" line="9"/>
        <source>The mask to buffer, for example a cloud mask made by &quot;Cloud mask from a product&apos;s mask&quot;. When given, it is buffered even if a product is given too (the product then only provides the viewing angles of the parallax).</source>
        <translation>Le masque à entourer d'un tampon, par exemple un masque de nuages fait par « Masque de nuages depuis le masque d'un produit ». S'il est donné, c'est lui qui est traité même si un produit est donné aussi (le produit ne fournit alors que les angles de visée de la parallaxe).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="36"/>
        <source>Values that count as mask</source>
        <translation>Valeurs comptées comme masque</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/dilatemask.py" line="9"/>
        <source>Values of the mask raster that are buffered, separated by commas, ranges with a dash (1, 2, 5-7). Empty (default): every non-zero value except no data.</source>
        <translation>Valeurs du raster de masque qui reçoivent un tampon, séparées par des virgules, les intervalles avec un tiret (1, 2, 5-7). Vide (par défaut) : toute valeur non nulle sauf l'absence de données.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/dilatemask.py" line="9"/>
        <source>Buffered mask</source>
        <translation>Masque avec tampon</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudinputs.py" line="323"/>
        <source>The parallax buffer needs a Sentinel-2 L2A product for its viewing angles: give the product, or set the parallax height to 0.</source>
        <translation>Le tampon de parallaxe a besoin d'un produit Sentinel-2 L2A pour ses angles de visée : donnez le produit, ou mettez la hauteur de parallaxe à 0.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/buffer.py" line="102"/>
        <source>Parallax of a cloud at {height:g} m between the bands: up to {spread:.0f} m.</source>
        <translation>Parallaxe d'un nuage à {height:g} m entre les bandes : jusqu'à {spread:.0f} m.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/mapdates.py" line="98"/>
        <source>given in Dates</source>
        <translation>donnée dans Dates</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/mapdates.py" line="98"/>
        <source>ACQUISITION_DATE metadata tag</source>
        <translation>métadonnée ACQUISITION_DATE</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/mapdates.py" line="99"/>
        <source>file name</source>
        <translation>nom du fichier</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/mapdates.py" line="99"/>
        <source>folder name</source>
        <translation>nom du dossier</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="14"/>
        <source>Snow onsets (no snow one day, snow the next)</source>
        <translation>Arrivées de la neige (pas de neige un jour, de la neige le lendemain)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="14"/>
        <source>Changes both ways, onsets and melts (as LIS&apos;s NSP)</source>
        <translation>Changements dans les deux sens, arrivées et fontes (comme le NSP de LIS)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="113"/>
        <source>Snow season synthesis</source>
        <translation>Synthèse de la saison de neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="106"/>
        <source>Snow days, snow onset and melt-out days, clear observations and snow onsets of a series of snow maps over a season, as the syntheses of the Theia Snow collection.</source>
        <translation>Jours de neige, jours d'apparition et de disparition de la neige, observations claires et arrivées de la neige d'une série de cartes de neige sur une saison, comme les synthèses de la collection Theia Neige.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="19"/>
        <source>Snow maps</source>
        <translation>Cartes de neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="33"/>
        <source>The snow maps of the season, in any order: outputs of neve:snowmap, Theia Snow SNW maps or FSC maps (0 no snow, 1 to 100 snow, 205 cloud, 254 or 255 no data). Their dates are read from the ACQUISITION_DATE metadata tag or from their names, or given in Dates.</source>
        <translation>Les cartes de neige de la saison, dans n'importe quel ordre : sorties de neve:snowmap, cartes SNW de Theia Neige ou cartes FSC (0 pas de neige, 1 à 100 neige, 205 nuage, 254 ou 255 sans donnée). Leurs dates sont lues dans la métadonnée ACQUISITION_DATE ou dans leurs noms, ou données dans Dates.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="23"/>
        <source>Dates of the maps</source>
        <translation>Dates des cartes</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="23"/>
        <source>Optional: one date per map, in the order of the maps, separated by commas or new lines (2018-01-01 or 20180101). Leave an entry empty to read that map&apos;s date from its metadata or name; leave everything empty to read them all.</source>
        <translation>Facultatif : une date par carte, dans l'ordre des cartes, séparées par des virgules ou des retours à la ligne (2018-01-01 ou 20180101). Laissez une entrée vide pour lire la date de cette carte dans ses métadonnées ou son nom ; laissez tout vide pour les lire toutes.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="42"/>
        <source>Start of the season</source>
        <translation>Début de la saison</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="47"/>
        <source>End of the season</source>
        <translation>Fin de la saison</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="47"/>
        <source>Last day of the period, included. Empty: 31 August at the end of the hydrological year of the start date.</source>
        <translation>Dernier jour de la période, compris. Vide : le 31 août qui termine l'année hydrologique de la date de début.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="27"/>
        <source>Date margin (days)</source>
        <translation>Marge de dates (jours)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="50"/>
        <source>Maps up to this many days before the start or after the end are used to interpolate the first and last days of the period. Default 15 days, as LIS.</source>
        <translation>Les cartes jusqu'à ce nombre de jours avant le début ou après la fin servent à interpoler les premiers et derniers jours de la période. 15 jours par défaut, comme LIS.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="54"/>
        <source>Reference grid</source>
        <translation>Grille de référence</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="54"/>
        <source>Optional raster whose grid (CRS, extent, pixel size) the outputs take. Empty: the grid of the first map. Maps on another grid are aligned to it with nearest neighbour.</source>
        <translation>Raster facultatif dont les sorties prennent la grille (SCR, emprise, taille de pixel). Vide : la grille de la première carte. Les cartes sur une autre grille y sont alignées au plus proche voisin.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="72"/>
        <source>Digital elevation model (for the report)</source>
        <translation>Modèle numérique de terrain (pour le rapport)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="72"/>
        <source>Optional: with a DEM (metres, any grid or CRS, resampled bilinearly), the report shows the mean snow days per elevation band.</source>
        <translation>Facultatif : avec un MNT (en mètres, sur toute grille et dans tout SCR, rééchantillonné en bilinéaire), le rapport montre le nombre moyen de jours de neige par tranche d'altitude.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="139"/>
        <source>Elevation band (m)</source>
        <translation>Tranche d'altitude (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="75"/>
        <source>Height of the elevation bands of the report. Default 100 m, the band of LIS&apos;s snowline histogram.</source>
        <translation>Hauteur des tranches d'altitude du rapport. 100 m par défaut, la tranche de l'histogramme de limite d'enneigement de LIS.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="93"/>
        <source>Daily snow</source>
        <translation>Neige au jour le jour</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="93"/>
        <source>Optional: one band per day named by its date, 1 snow, 0 no snow, 255 never clear.</source>
        <translation>Facultatif : une bande par jour nommée par sa date, 1 neige, 0 pas de neige, 255 jamais clair.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="96"/>
        <source>Season report</source>
        <translation>Rapport de la saison</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="96"/>
        <source>HTML report: the snow-covered area through the season, the maps and their dates, and with a DEM the snow days per elevation band.</source>
        <translation>Rapport HTML : la surface enneigée au fil de la saison, les cartes et leurs dates et, avec un MNT, les jours de neige par tranche d'altitude.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="101"/>
        <source>First day of the period</source>
        <translation>Premier jour de la période</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="101"/>
        <source>Last day of the period</source>
        <translation>Dernier jour de la période</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="101"/>
        <source>Number of maps used</source>
        <translation>Nombre de cartes utilisées</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="231"/>
        <source>No snow map: give the snow maps of the season.</source>
        <translation>Aucune carte de neige : donnez les cartes de neige de la saison.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="146"/>
        <source>No output chosen: choose at least one output.</source>
        <translation>Aucune sortie choisie : choisissez au moins une sortie.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/mapdates.py" line="71"/>
        <source>Dates of the maps: {count} entries are needed, one per map in the order of the maps (leave an entry empty to read that map&apos;s date).</source>
        <translation>Dates des cartes : il faut {count} entrées, une par carte dans l'ordre des cartes (laissez une entrée vide pour lire la date de cette carte).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/mapdates.py" line="74"/>
        <source>Dates of the maps: &quot;{entry}&quot; is not a date; write 2018-01-01 or 20180101.</source>
        <translation>Dates des cartes : « {entry} » n'est pas une date ; écrivez 2018-01-01 ou 20180101.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="680"/>
        <source>The snow map {name} cannot be read: {detail}</source>
        <translation>La carte de neige {name} ne peut pas être lue : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/mapdates.py" line="104"/>
        <source>No acquisition date could be read for {maps}: neither in an ACQUISITION_DATE metadata tag nor in the name (as 20180101 or 2018-01-01). Give the dates in &quot;Dates of the maps&quot;, one per map in the order of the maps.</source>
        <translation>Aucune date d'acquisition n'a pu être lue pour {maps} : ni dans une métadonnée ACQUISITION_DATE, ni dans le nom (comme 20180101 ou 2018-01-01). Donnez les dates dans « Dates des cartes », une par carte dans l'ordre des cartes.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="379"/>
        <source>The end of the season ({stop}) is before its start ({start}).</source>
        <translation>La fin de la saison ({stop}) précède son début ({start}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="384"/>
        <source>The season from {start} to {stop} is {days} days long: at most {limit} days are possible.</source>
        <translation>La saison du {start} au {stop} dure {days} jours : {limit} jours au plus sont possibles.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="257"/>
        <source>No snow map falls in the season from {start} to {stop} (with {margin} days of margin): the maps go from {first} to {last}. Change the start and end of the season, or the margin.</source>
        <translation>Aucune carte de neige ne tombe dans la saison du {start} au {stop} (avec {margin} jours de marge) : les cartes vont du {first} au {last}. Changez le début et la fin de la saison, ou la marge.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="449"/>
        <source>The reference grid {name} cannot be read: {detail}</source>
        <translation>La grille de référence {name} ne peut pas être lue : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="452"/>
        <source>{name} has no coordinate reference system: the maps cannot be put on one grid.</source>
        <translation>{name} n'a pas de système de coordonnées de référence : les cartes ne peuvent pas être mises sur une même grille.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="584"/>
        <source>Season from {start} to {stop} ({days} days), margin {margin} days; grid of {grid}: {width} x {height} pixels of {size:g}.</source>
        <translation>Saison du {start} au {stop} ({days} jours), marge de {margin} jours ; grille de {grid} : {width} x {height} pixels de {size:g}.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="611"/>
        <source>{name} is on another grid than {grid}: aligned to it with nearest neighbour.</source>
        <translation>{name} est sur une autre grille que {grid} : alignée sur elle au plus proche voisin.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="615"/>
        <source>{name} declares {value} as its no-data value, which is also a clear code (0 to 100): those pixels are taken as no data.</source>
        <translation>{name} déclare {value} comme valeur sans donnée, qui est aussi un code clair (0 à 100) : ces pixels sont pris comme sans donnée.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="621"/>
        <source>{used} of {total} maps are used.</source>
        <translation>{used} cartes sur {total} sont utilisées.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="269"/>
        <source>{name} holds {dtype} values: a snow map holds whole-number codes (0 no snow, 1 to 100 snow, 205 cloud, 254 or 255 no data). Is it a snow map?</source>
        <translation>{name} contient des valeurs {dtype} : une carte de neige contient des codes entiers (0 pas de neige, 1 à 100 neige, 205 nuage, 254 ou 255 sans donnée). Est-ce bien une carte de neige ?</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="502"/>
        <source>{name} is in {crs}, but {grid} is in {grid_crs}: all maps must be in the same coordinate reference system. Reproject it first (Raster, Projections, Warp).</source>
        <translation>{name} est en {crs}, mais {grid} est en {grid_crs} : toutes les cartes doivent être dans le même système de coordonnées de référence. Reprojetez-la d'abord (Raster, Projections, Projection (warp)).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="502"/>
        <source>no CRS</source>
        <translation>aucun SCR</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="585"/>
        <source>The DEM {name} cannot be read: {detail}</source>
        <translation>Le MNT {name} ne peut pas être lu : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="418"/>
        <source>The DEM {name} has no coordinate reference system.</source>
        <translation>Le MNT {name} n'a pas de système de coordonnées de référence.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="27"/>
        <source>Season</source>
        <translation>Saison</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="27"/>
        <source>Start (day 0)</source>
        <translation>Début (jour 0)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="27"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="27"/>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="29"/>
        <source>Maps given</source>
        <translation>Cartes données</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="27"/>
        <source>Maps used</source>
        <translation>Cartes utilisées</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="27"/>
        <source>Dates used</source>
        <translation>Dates utilisées</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="28"/>
        <source>Grid</source>
        <translation>Grille</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="27"/>
        <source>{name}: {width} x {height} pixels of {size:g}, {crs}</source>
        <translation>{name} : {width} x {height} pixels de {size:g}, {crs}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="27"/>
        <source>Pixels with at least one clear observation</source>
        <translation>Pixels ayant au moins une observation claire</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="27"/>
        <source>{count} ({percent} %)</source>
        <translation>{count} ({percent} %)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="27"/>
        <source>Mean snow days of those pixels</source>
        <translation>Nombre moyen de jours de neige de ces pixels</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="64"/>
        <source>Snow-covered area through the season</source>
        <translation>Surface enneigée au fil de la saison</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="65"/>
        <source>Points: snow fraction of the clear pixels of each date. Line: snow fraction, interpolated for each day, of the pixels with at least one clear observation.</source>
        <translation>Points : fraction de neige des pixels clairs de chaque date. Ligne : fraction de neige, interpolée pour chaque jour, des pixels ayant au moins une observation claire.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="67"/>
        <source>Interpolated, per day</source>
        <translation>Interpolée, par jour</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="67"/>
        <source>Observed, per date</source>
        <translation>Observée, par date</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="94"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="67"/>
        <source>Snow-covered area (%)</source>
        <translation>Surface enneigée (%)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="87"/>
        <source>ignored</source>
        <translation>ignorée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="93"/>
        <source>Maps</source>
        <translation>Cartes</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="90"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="94"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="94"/>
        <source>Date from</source>
        <translation>Source de la date</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="84"/>
        <source>Clear (%)</source>
        <translation>Clair (%)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="90"/>
        <source>Cloud (%)</source>
        <translation>Nuage (%)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="84"/>
        <source>Snow (% of clear)</source>
        <translation>Neige (% du clair)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="95"/>
        <source>Snow days against elevation</source>
        <translation>Jours de neige selon l'altitude</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="107"/>
        <source>Mean snow days</source>
        <translation>Jours de neige moyens</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="102"/>
        <source>Mean snow days (SCD)</source>
        <translation>Jours de neige moyens (SCD)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="112"/>
        <source>Elevation (m)</source>
        <translation>Altitude (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="112"/>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season_report.py" line="112"/>
        <source>The DEM does not cover any pixel with a clear observation.</source>
        <translation>Le MNT ne couvre aucun pixel ayant une observation claire.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="181"/>
        <source>Outside the buffer</source>
        <translation>Hors du tampon</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="182"/>
        <source>Mask and its buffer</source>
        <translation>Masque et son tampon</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="190"/>
        <source>Mask, small objects removed and small holes filled</source>
        <translation>Masque, petits objets retirés et petits trous comblés</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="197"/>
        <source>No cloud over water</source>
        <translation>Pas de nuage sur l'eau</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="198"/>
        <source>Cloud over water</source>
        <translation>Nuage sur l'eau</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="209"/>
        <source>Cloud buffer</source>
        <translation>Tampon des nuages</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="217"/>
        <source>0° (specular reflection of the sun)</source>
        <translation>0° (réflexion spéculaire du soleil)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="218"/>
        <source>30° (MAJA's sunglint angle)</source>
        <translation>30° (angle de reflet du soleil de MAJA)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="219"/>
        <source>90°</source>
        <translation>90°</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="236"/>
        <source>No snow day</source>
        <translation>Aucun jour de neige</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="240"/>
        <source>{days} days</source>
        <translation>{days} jours</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="251"/>
        <source>None (10 snow days or fewer), or {date}</source>
        <translation>Aucun (10 jours de neige ou moins), ou {date}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="264"/>
        <source>Never clear</source>
        <translation>Jamais clair</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="277"/>
        <source>4 or more</source>
        <translation>4 ou plus</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="65"/>
        <source>Per pixel, from the sun and viewing angle grids</source>
        <translation>Par pixel, d'après les grilles d'angles solaires et de visée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="65"/>
        <source>The product&apos;s scene flag (MAJA)</source>
        <translation>L'indicateur de scène du produit (MAJA)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="65"/>
        <source>Always</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="65"/>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="73"/>
        <source>Water mask (non-zero values are water)</source>
        <translation>Masque d'eau (les valeurs non nulles sont de l'eau)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="73"/>
        <source>MAJA MG2 (bit 0 is water)</source>
        <translation>MG2 de MAJA (le bit 0 est l'eau)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="73"/>
        <source>Sen2Cor SCL (class 6 is water)</source>
        <translation>SCL de Sen2Cor (la classe 6 est l'eau)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="204"/>
        <source>{product} has no sun and viewing angle grids ({band}) in its metadata, which per-pixel sunglint needs. Choose the product&apos;s scene flag, &quot;always&quot; or &quot;never&quot; for sunglint.</source>
        <translation>{product} n'a pas de grilles d'angles solaires et de visée ({band}) dans ses métadonnées, dont le reflet du soleil par pixel a besoin. Choisissez pour le reflet du soleil l'indicateur de scène du produit, « toujours » ou « jamais ».</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="281"/>
        <source>the product&apos;s SunGlintDetected flag</source>
        <translation>l'indicateur SunGlintDetected du produit</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="287"/>
        <source>MAJA&apos;s rule on the mean sun and viewing angles</source>
        <translation>la règle de MAJA sur les angles solaires et de visée moyens</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="289"/>
        <source>{product} has neither a sunglint flag nor mean sun and viewing angles, which the scene flag needs. Choose &quot;always&quot; or &quot;never&quot; for sunglint.</source>
        <translation>{product} n'a ni indicateur de reflet du soleil ni angles solaires et de visée moyens, dont l'indicateur de scène a besoin. Choisissez « toujours » ou « jamais » pour le reflet du soleil.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="371"/>
        <source>Sunglint for the whole scene: {flag} ({how}).</source>
        <translation>Reflet du soleil pour toute la scène : {flag} ({how}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="376"/>
        <source>{product} has no water mask (MAJA MG2 or Sen2Cor SCL): give a water layer.</source>
        <translation>{product} n'a pas de masque d'eau (MG2 de MAJA ou SCL de Sen2Cor) : donnez une couche d'eau.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="81"/>
        <source>SWIR band</source>
        <translation>Bande SWIR</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="81"/>
        <source>The band of the test: B12 as MAJA (its parameters: &quot;SWIR when available&quot;), or B11.</source>
        <translation>La bande du test : B12 comme MAJA (ses paramètres : « SWIR quand il existe »), ou B11.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="87"/>
        <source>Sunglint</source>
        <translation>Reflet du soleil</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="96"/>
        <source>Kind of water layer</source>
        <translation>Type de couche d'eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="96"/>
        <source>How to read the water layer: non-zero values are water (a water mask), MAJA MG2 bit 0, or Sen2Cor SCL class 6.</source>
        <translation>Comment lire la couche d'eau : les valeurs non nulles sont de l'eau (un masque d'eau), le bit 0 du MG2 de MAJA, ou la classe 6 du SCL de Sen2Cor.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="106"/>
        <source>Resample layers on other grids</source>
        <translation>Rééchantillonner les couches sur d'autres grilles</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="106"/>
        <source>Layers must lie on the grid of the first one (same CRS, pixel size and extent); a layer on another grid is refused unless this is ticked: it is then resampled (masks with nearest neighbour, reflectance with cubic convolution).</source>
        <translation>Les couches doivent être sur la grille de la première (même SCR, même taille de pixel, même emprise) ; une couche sur une autre grille est refusée sauf si cette case est cochée : elle est alors rééchantillonnée (les masques au plus proche voisin, la réflectance par convolution cubique).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="181"/>
        <source>No water: give the water layer (or a product).</source>
        <translation>Pas d'eau : donnez la couche d'eau (ou un produit).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/waterclouds.py" line="28"/>
        <source>Clouds over water (SWIR test, sunglint-aware)</source>
        <translation>Nuages sur l'eau (test SWIR, avec reflet du soleil)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/waterclouds.py" line="28"/>
        <source>MAJA&apos;s SWIR test for clouds over water (1 cloud over water, 0 not, 255 no data), with sunglint per pixel, from the scene flag, always or never.</source>
        <translation>Le test SWIR de MAJA pour les nuages sur l'eau (1 nuage sur l'eau, 0 non, 255 pas de données), avec reflet du soleil par pixel, d'après l'indicateur de scène, toujours ou jamais.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/waterclouds.py" line="9"/>
        <source>SWIR reflectance layer</source>
        <translation>Couche de réflectance SWIR</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/waterclouds.py" line="9"/>
        <source>The SWIR band (B12, or B11 when chosen) as a layer, used when no product is given; reflectance = (value + offset) / scale (advanced parameters). Its grid is the output&apos;s.</source>
        <translation>La bande SWIR (B12, ou B11 si elle est choisie) en couche, utilisée quand aucun produit n'est donné ; réflectance = (valeur + décalage) / échelle (paramètres avancés). Sa grille est celle de la sortie.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/waterclouds.py" line="9"/>
        <source>Water layer</source>
        <translation>Couche d'eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/waterclouds.py" line="9"/>
        <source>Where the water is: a water mask, a MAJA MG2 or a Sen2Cor SCL (say which below). Needed without a product; with a product it replaces the product&apos;s water.</source>
        <translation>Où est l'eau : un masque d'eau, un MG2 de MAJA ou un SCL de Sen2Cor (précisez lequel ci-dessous). Nécessaire sans produit ; avec un produit, elle remplace l'eau du produit.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/waterclouds.py" line="9"/>
        <source>Clouds over water</source>
        <translation>Nuages sur l'eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/waterclouds.py" line="9"/>
        <source>Glint angle (degrees)</source>
        <translation>Angle de reflet (degrés)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/waterclouds.py" line="9"/>
        <source>Optional: the glint angle at each pixel, in degrees (float32), from the product&apos;s angle grids; 0 is the exact specular reflection of the sun.</source>
        <translation>Facultatif : l'angle de reflet en chaque pixel, en degrés (float32), d'après les grilles d'angles du produit ; 0 est la réflexion spéculaire exacte du soleil.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/waterclouds.py" line="27"/>
        <source>Percent of the water pixels found cloudy</source>
        <translation>Pourcentage des pixels d'eau trouvés nuageux</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="685"/>
        <source>Sunglint: the input has no viewing angles, the threshold without sunglint applies</source>
        <translation>Reflet du soleil : l'entrée n'a pas d'angles de visée, le seuil sans reflet s'applique</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="697"/>
        <source>The NDSI threshold of pass 2 is above that of pass 1: pass 2 should not be stricter than pass 1.</source>
        <translation>Le seuil de NDSI de la passe 2 est supérieur à celui de la passe 1 : la passe 2 ne devrait pas être plus stricte que la passe 1.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="699"/>
        <source>The red threshold of pass 2 is above that of pass 1: pass 2 should not be stricter than pass 1.</source>
        <translation>Le seuil du rouge de la passe 2 est supérieur à celui de la passe 1 : la passe 2 ne devrait pas être plus stricte que la passe 1.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="124"/>
        <source>From the product (angle grids, else mean angles)</source>
        <translation>Du produit (grilles d'angles, sinon angles moyens)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="124"/>
        <source>The numbers below</source>
        <translation>Les nombres ci-dessous</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Dark-test band layer (NIR or SWIR)</source>
        <translation>Couche de la bande du test sombre (PIR ou SWIR)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="134"/>
        <source>The band of the dark test as a layer (NIR B8A or B8, or SWIR B11, as chosen below), used when no product is given; reflectance = (value + offset) / scale (advanced parameters).</source>
        <translation>La bande du test sombre en couche (PIR B8A ou B8, ou SWIR B11, selon le choix ci-dessous), utilisée quand aucun produit n'est donné ; réflectance = (valeur + décalage) / échelle (paramètres avancés).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="140"/>
        <source>Dark test</source>
        <translation>Test sombre</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="140"/>
        <source>Which band tells the dark pixels a shadow is made of: the near infrared (B8A with a product), dark in shadows over land, or the SWIR (B11).</source>
        <translation>Quelle bande désigne les pixels sombres dont une ombre est faite : le proche infrarouge (B8A avec un produit), sombre dans les ombres sur les terres, ou le SWIR (B11).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="144"/>
        <source>NIR dark threshold (reflectance, 0 to 1)</source>
        <translation>Seuil sombre PIR (réflectance, 0 à 1)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="144"/>
        <source>With the NIR test, a pixel is dark when its NIR reflectance is below this (strict). 0.15: the value of Google Earth Engine&apos;s Sentinel-2 cloud and shadow masking tutorial (s2cloudless).</source>
        <translation>Avec le test PIR, un pixel est sombre quand sa réflectance PIR est inférieure à cette valeur (strictement). 0,15 : la valeur du tutoriel de masquage des nuages et des ombres Sentinel-2 de Google Earth Engine (s2cloudless).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="148"/>
        <source>SWIR dark threshold (reflectance, 0 to 1)</source>
        <translation>Seuil sombre SWIR (réflectance, 0 à 1)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="148"/>
        <source>With the SWIR test, a pixel is dark when its B11 reflectance is below this (strict). 0.10: Névé's choice, about half the SWIR reflectance of vegetation and bare soil.</source>
        <translation>Avec le test SWIR, un pixel est sombre quand sa réflectance B11 est inférieure à cette valeur (strictement). 0,10 : le choix de Névé, environ la moitié de la réflectance SWIR de la végétation et du sol nu.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="152"/>
        <source>Lowest cloud height (m)</source>
        <translation>Altitude de nuage la plus basse (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="152"/>
        <source>Cloud heights are tried from this one up. python-fmask: 200 m to 12 km; GRASS i.sentinel.mask: 1 to 4 km.</source>
        <translation>Les altitudes de nuage sont essayées à partir de celle-ci. python-fmask : de 200 m à 12 km ; GRASS i.sentinel.mask : de 1 à 4 km.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="156"/>
        <source>Highest cloud height (m)</source>
        <translation>Altitude de nuage la plus haute (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="156"/>
        <source>Cloud heights are tried up to this one (python-fmask: 12 km).</source>
        <translation>Les altitudes de nuage sont essayées jusqu'à celle-ci (python-fmask : 12 km).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="159"/>
        <source>Height step (m)</source>
        <translation>Pas d'altitude (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="159"/>
        <source>Step between the heights tried. Default 100 m.</source>
        <translation>Pas entre les altitudes essayées. 100 m par défaut.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="162"/>
        <source>Minimum dark fraction</source>
        <translation>Fraction sombre minimale</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="162"/>
        <source>A cloud gets a shadow only if, at its best height, more than this fraction of the clear pixels its projection covers are dark. Default 0.5 (Névé's choice: mostly dark); 0 keeps every best match.</source>
        <translation>Un nuage n'a une ombre que si, à sa meilleure altitude, plus de cette fraction des pixels clairs couverts par sa projection sont sombres. 0,5 par défaut (choix de Névé : surtout sombre) ; 0 garde chaque meilleure correspondance.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="167"/>
        <source>Whole swept area</source>
        <translation>Toute la zone balayée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="167"/>
        <source>Instead of the shadow at each cloud&apos;s best height, the whole area the clouds sweep from the lowest to the highest height (a cautious mask, dark pixels or not).</source>
        <translation>Au lieu de l'ombre à la meilleure altitude de chaque nuage, toute la zone que les nuages balaient de l'altitude la plus basse à la plus haute (un masque prudent, pixels sombres ou non).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="170"/>
        <source>Sun and viewing angles</source>
        <translation>Angles solaires et de visée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>Sun zenith angle (degrees)</source>
        <translation>Angle zénithal solaire (degrés)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="178"/>
        <source>Used with angles given as numbers: the sun&apos;s angle from the vertical.</source>
        <translation>Utilisé avec des angles donnés en nombres : l'angle du soleil par rapport à la verticale.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>Sun azimuth angle (degrees)</source>
        <translation>Angle azimutal solaire (degrés)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="178"/>
        <source>Used with angles given as numbers: direction of the sun seen from the ground, clockwise from north (the convention of the products&apos; metadata).</source>
        <translation>Utilisé avec des angles donnés en nombres : direction du soleil vu du sol, dans le sens horaire depuis le nord (la convention des métadonnées des produits).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="178"/>
        <source>Viewing zenith angle (degrees)</source>
        <translation>Angle zénithal de visée (degrés)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="178"/>
        <source>Used with angles given as numbers: the satellite&apos;s angle from the vertical (0 to about 12 for Sentinel-2).</source>
        <translation>Utilisé avec des angles donnés en nombres : l'angle du satellite par rapport à la verticale (de 0 à environ 12 pour Sentinel-2).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="178"/>
        <source>Viewing azimuth angle (degrees)</source>
        <translation>Angle azimutal de visée (degrés)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="178"/>
        <source>Used with angles given as numbers: direction of the satellite seen from the ground, clockwise from north.</source>
        <translation>Utilisé avec des angles donnés en nombres : direction du satellite vu du sol, dans le sens horaire depuis le nord.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/shadows.py" line="120"/>
        <source>The lowest cloud height ({low:g} m) is above the highest ({high:g} m).</source>
        <translation>L'altitude de nuage la plus basse ({low:g} m) est au-dessus de la plus haute ({high:g} m).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/shadows.py" line="124"/>
        <source>{count:.0f} heights to try: take a larger height step.</source>
        <translation>{count:.0f} altitudes à essayer : prenez un pas d'altitude plus grand.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/shadows.py" line="197"/>
        <source>{product} has no angle grids: the mean sun and viewing angles are used.</source>
        <translation>{product} n'a pas de grilles d'angles : les angles solaires et de visée moyens sont utilisés.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/shadows.py" line="203"/>
        <source>{product} has no sun and viewing angles: give the angles as numbers (&quot;Sun and viewing angles&quot;).</source>
        <translation>{product} n'a pas d'angles solaires et de visée : donnez les angles en nombres (« Angles solaires et de visée »).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudshadows.py" line="26"/>
        <source>Cloud shadows from sun geometry</source>
        <translation>Ombres des nuages d'après la géométrie solaire</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudshadows.py" line="26"/>
        <source>Shadows found by projecting each cloud along the sun direction over a range of heights and keeping the best match with dark pixels (1 shadow, 0 not, 255 no data).</source>
        <translation>Ombres trouvées en projetant chaque nuage selon la direction du soleil sur une plage d'altitudes et en gardant la meilleure correspondance avec des pixels sombres (1 ombre, 0 non, 255 pas de données).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudshadows.py" line="8"/>
        <source>Cloud mask layer</source>
        <translation>Couche de masque de nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudshadows.py" line="8"/>
        <source>The clouds whose shadows are searched for (non-zero values except no data), used when no product is given. Its grid is the output&apos;s; it must be in a projected CRS in metres.</source>
        <translation>Les nuages dont on cherche les ombres (valeurs non nulles sauf l'absence de données), utilisés quand aucun produit n'est donné. Sa grille est celle de la sortie ; elle doit être dans un SCR projeté en mètres.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudshadows.py" line="8"/>
        <source>Cloud shadows</source>
        <translation>Ombres des nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudshadows.py" line="8"/>
        <source>Cloud heights (m)</source>
        <translation>Altitudes des nuages (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudshadows.py" line="8"/>
        <source>Optional: on each cloud&apos;s pixels, the height found for it in metres (float32; no data where no shadow was found).</source>
        <translation>Facultatif : sur les pixels de chaque nuage, l'altitude trouvée pour lui en mètres (float32 ; pas de données là où aucune ombre n'a été trouvée).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudshadows.py" line="24"/>
        <source>Number of clouds</source>
        <translation>Nombre de nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudshadows.py" line="24"/>
        <source>Number of clouds with a shadow</source>
        <translation>Nombre de nuages avec une ombre</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/shadows.py" line="278"/>
        <source>No input: give a Sentinel-2 L2A product, or the cloud mask and dark-test band layers.</source>
        <translation>Pas d'entrée : donnez un produit Sentinel-2 L2A, ou les couches du masque de nuages et de la bande du test sombre.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/shadows.py" line="339"/>
        <source>{count} clouds, {found} with a shadow.</source>
        <translation>{count} nuages, {found} avec une ombre.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="19"/>
        <source>Custom values (the parameters below)</source>
        <translation>Valeurs personnalisées (les paramètres ci-dessous)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="88"/>
        <source>Refine a cloud mask (Theia recipe)</source>
        <translation>Affiner un masque de nuages (recette Theia)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="88"/>
        <source>From a product to a refined MAJA-compatible cloud mask in one step: clouds over water, projected shadows and buffer, with Theia&apos;s presets or your own values.</source>
        <translation>D'un produit à un masque de nuages affiné compatible avec MAJA en une étape : nuages sur l'eau, ombres projetées et tampon, avec les préréglages de Theia ou vos propres valeurs.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>MAJA CLM layer</source>
        <translation>Couche CLM de MAJA</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Without a product: the MAJA cloud mask CLM (bits) to refine. Its grid is the output&apos;s.</source>
        <translation>Sans produit : le masque de nuages CLM de MAJA (bits) à affiner. Sa grille est celle de la sortie.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Sen2Cor SCL layer</source>
        <translation>Couche SCL de Sen2Cor</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Without a product and without CLM: the Sen2Cor scene classification, written as CLM bits; its class 6 is then the water unless a water layer is given.</source>
        <translation>Sans produit et sans CLM : la classification de scène de Sen2Cor, écrite en bits du CLM ; sa classe 6 est alors l'eau, sauf si une couche d'eau est donnée.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Without a product: the SWIR band of the water test (B12, or B11 when chosen).</source>
        <translation>Sans produit : la bande SWIR du test sur l'eau (B12, ou B11 si elle est choisie).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Where the water is (a water mask, a MAJA MG2 or a Sen2Cor SCL: say which below). Needed with a CLM layer; with a product it replaces the product&apos;s water.</source>
        <translation>Où est l'eau (un masque d'eau, un MG2 de MAJA ou un SCL de Sen2Cor : précisez lequel ci-dessous). Nécessaire avec une couche CLM ; avec un produit, elle remplace l'eau du produit.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Without a product, for the shadows: the NIR (B8A or B8) or SWIR (B11) band of the dark test.</source>
        <translation>Sans produit, pour les ombres : la bande PIR (B8A ou B8) ou SWIR (B11) du test sombre.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Project cloud shadows</source>
        <translation>Projeter les ombres des nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Search the shadows of the clouds (clouds over water included) from the sun geometry and add them as CLM bits 0 and 5. MAJA detects shadows itself, but not those of the clouds over water it missed before February 2018.</source>
        <translation>Chercher les ombres des nuages (nuages sur l'eau compris) d'après la géométrie solaire et les ajouter en bits 0 et 5 du CLM. MAJA détecte lui-même des ombres, mais pas celles des nuages sur l'eau qu'il manquait avant février 2018.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Refined cloud mask (CLM bits)</source>
        <translation>Masque de nuages affiné (bits du CLM)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Refined cloud classes</source>
        <translation>Classes de nuages affinées</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="85"/>
        <source>Cloud, percent of the valid pixels</source>
        <translation>Nuage, pourcentage des pixels valides</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="85"/>
        <source>Cloud shadow, percent of the valid pixels</source>
        <translation>Ombre de nuage, pourcentage des pixels valides</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="85"/>
        <source>Buffer, percent of the valid pixels</source>
        <translation>Tampon, pourcentage des pixels valides</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="503"/>
        <source>No input: give a Sentinel-2 L2A product, or the layers (a MAJA CLM or a Sen2Cor SCL, the SWIR band, the water and, for the shadows, the dark-test band).</source>
        <translation>Pas d'entrée : donnez un produit Sentinel-2 L2A, ou les couches (un CLM de MAJA ou un SCL de Sen2Cor, la bande SWIR, l'eau et, pour les ombres, la bande du test sombre).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="352"/>
        <source>Recipe: {preset}; buffer {distance:g} m, SWIR thresholds over water {threshold:g} and {sunglint:g} with sunglint (below {angle:g} degrees).</source>
        <translation>Recette : {preset} ; tampon de {distance:g} m, seuils SWIR sur l'eau {threshold:g} et {sunglint:g} avec reflet du soleil (sous {angle:g} degrés).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="421"/>
        <source>Shadows searched on a {resolution:g} m grid.</source>
        <translation>Ombres cherchées sur une grille de {resolution:g} m.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="40"/>
        <source>Remove small objects and fill small holes</source>
        <translation>Retirer les petits objets et combler les petits trous</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="40"/>
        <source>Sieve of a mask with areas in square metres: small objects removed, small holes filled (1 mask, 0 outside, 255 no data).</source>
        <translation>Tamisage d'un masque avec des aires en mètres carrés : petits objets retirés, petits trous comblés (1 masque, 0 hors, 255 pas de données).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="18"/>
        <source>The mask to clean, for example a cloud mask. When given, it is used even if a product is given too.</source>
        <translation>Le masque à nettoyer, par exemple un masque de nuages. S'il est donné, c'est lui qui est traité même si un produit est donné aussi.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="18"/>
        <source>Values of the mask raster that belong to the mask, separated by commas, ranges with a dash (1, 2, 5-7). Empty (default): every non-zero value except no data.</source>
        <translation>Valeurs du raster de masque qui font partie du masque, séparées par des virgules, les intervalles avec un tiret (1, 2, 5-7). Vide (par défaut) : toute valeur non nulle sauf l'absence de données.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="18"/>
        <source>Holes in the mask smaller than this are filled (a hole of exactly this area stays). No-data pixels are never filled. 0: keep every hole.</source>
        <translation>Les trous du masque plus petits que cette aire sont comblés (un trou d'exactement cette aire reste). Les pixels sans données ne sont jamais comblés. 0 : garder tous les trous.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="18"/>
        <source>Connectivity</source>
        <translation>Connexité</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="13"/>
        <source>8: sides and corners</source>
        <translation>8 : côtés et coins</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="13"/>
        <source>4: sides only</source>
        <translation>4 : côtés seulement</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="18"/>
        <source>Which pixels touch: by their sides and corners (8, default) or by their sides only (4).</source>
        <translation>Quels pixels se touchent : par leurs côtés et leurs coins (8, par défaut) ou par leurs côtés seulement (4).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="18"/>
        <source>Sieved mask</source>
        <translation>Masque tamisé</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="591"/>
        <source>{date} (day {day}): {name} (date: {source}).</source>
        <translation>{date} (jour {day}) : {name} (date : {source}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="594"/>
        <source>{date}: {name} (date: {source}): outside the season and its margin, ignored.</source>
        <translation>{date} : {name} (date : {source}) : hors de la saison et de sa marge, ignorée.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="629"/>
        <source>Reading the visible area…</source>
        <translation>Lecture de la zone visible…</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="17"/>
        <source>Binary cloud mask (non-zero = cloud)</source>
        <translation>Masque de nuages binaire (non nul = nuage)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="30"/>
        <source>Gascoin et al. 2020: 0.5 tanh(2.65 NDSI - 1.42) + 0.5</source>
        <translation>Gascoin et al. 2020 : 0,5 tanh(2,65 NDSI - 1,42) + 0,5</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="30"/>
        <source>Linear (older LIS): 1.45 NDSI - 0.01</source>
        <translation>Linéaire (anciennes versions de LIS) : 1,45 NDSI - 0,01</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="145"/>
        <source>Snow map (Theia/LIS method)</source>
        <translation>Carte de neige (méthode Theia/LIS)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="38"/>
        <source>Green band (B3)</source>
        <translation>Bande verte (B3)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="38"/>
        <source>Used when no product is given: the green band (B3, 10 m or 20 m) as digital numbers.</source>
        <translation>Utilisée quand aucun produit n'est donné : la bande verte (B3, 10 m ou 20 m) en comptes numériques.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="41"/>
        <source>Red band (B4)</source>
        <translation>Bande rouge (B4)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="41"/>
        <source>Used when no product is given: the red band (B4, 10 m or 20 m) as digital numbers.</source>
        <translation>Utilisée quand aucun produit n'est donné : la bande rouge (B4, 10 m ou 20 m) en comptes numériques.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="44"/>
        <source>SWIR band (B11)</source>
        <translation>Bande SWIR (B11)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="35"/>
        <source>Digital elevation model</source>
        <translation>Modèle numérique de terrain</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="65"/>
        <source>Tree cover density</source>
        <translation>Densité du couvert arboré</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="65"/>
        <source>Tree cover density in percent (0 to 100, above 100 unknown), such as the Copernicus layer LIS uses. Needed for the on-ground fractional snow cover and the QC flags.</source>
        <translation>Densité du couvert arboré en pour cent (0 à 100, au-delà de 100 inconnue), comme la couche Copernicus qu'utilise LIS. Nécessaire pour la fraction de couvert neigeux au sol et les indicateurs de qualité.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="39"/>
        <source>Elevation band height (m)</source>
        <translation>Hauteur des tranches d'altitude (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="74"/>
        <source>Height of the elevation bands of the snowline histogram, in metres. LIS default 100.</source>
        <translation>Hauteur des tranches d'altitude de l'histogramme de la limite d'enneigement, en mètres. Valeur par défaut de LIS : 100.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="77"/>
        <source>Snow fraction of a snowy band</source>
        <translation>Fraction de neige d'une tranche enneigée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="77"/>
        <source>An elevation band is snowy when more than this fraction of its clear pixels are pass-1 snow (0 to 1). LIS default 0.10.</source>
        <translation>Une tranche d'altitude est enneigée quand plus de cette fraction de ses pixels dégagés sont de la neige de la passe 1 (0 à 1). Valeur par défaut de LIS : 0,10.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="81"/>
        <source>Clear fraction of a snowy band</source>
        <translation>Fraction dégagée d'une tranche enneigée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="81"/>
        <source>An elevation band counts only when more than this fraction of its pixels are clear (0 to 1). LIS default 0.10.</source>
        <translation>Une tranche d'altitude ne compte que si plus de cette fraction de ses pixels sont dégagés (0 à 1). Valeur par défaut de LIS : 0,10.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="85"/>
        <source>Snow fraction needed for pass 2</source>
        <translation>Fraction de neige nécessaire à la passe 2</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="85"/>
        <source>Pass 2 runs only when pass 1 found snow on more than this fraction of the image (0 to 1). LIS default 0.001 (0.1 %).</source>
        <translation>La passe 2 n'a lieu que si la passe 1 a trouvé de la neige sur plus de cette fraction de l'image (0 à 1). Valeur par défaut de LIS : 0,001 (0,1 %).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="89"/>
        <source>Resize factor of the dark-cloud test</source>
        <translation>Facteur de réduction du test des nuages sombres</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="100"/>
        <source>No-data code of the map</source>
        <translation>Code d'absence de données de la carte</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="100"/>
        <source>Value of the map&apos;s no-data pixels: 255 (LIS 1.6 and later, the Theia Snow collection today) or 254 (LIS up to 1.5).</source>
        <translation>Valeur des pixels sans données de la carte : 255 (LIS 1.6 et suivants, la collection Theia Neige aujourd'hui) ou 254 (LIS jusqu'à la version 1.5).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="104"/>
        <source>Count no-data pixels in the snowline histogram (as LIS)</source>
        <translation>Compter les pixels sans données dans l'histogramme de la limite d'enneigement (comme LIS)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="104"/>
        <source>LIS builds the elevation histogram over every pixel, no data included, so that no-data pixels count as clear and snow-free; the map is LIS&apos;s only that way. Uncheck to leave them out (the snowline then ignores the swath edge).</source>
        <translation>LIS construit l'histogramme des altitudes sur tous les pixels, y compris ceux sans données, qui comptent alors comme dégagés et sans neige ; la carte n'est celle de LIS qu'ainsi. Décochez pour les écarter (la limite d'enneigement ignore alors le bord de la fauchée).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="109"/>
        <source>Fractional snow cover formula</source>
        <translation>Formule de la fraction de couvert neigeux</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="109"/>
        <source>How the NDSI of a snow pixel gives its fractional snow cover: Gascoin et al. 2020, calibrated on Sentinel-2 (LIS default), or the older linear formula.</source>
        <translation>Comment le NDSI d'un pixel de neige donne sa fraction de couvert neigeux : Gascoin et al. 2020, étalonnée sur Sentinel-2 (par défaut dans LIS), ou l'ancienne formule linéaire.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="114"/>
        <source>Snow map</source>
        <translation>Carte de neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="117"/>
        <source>Bit field of the intermediate layers</source>
        <translation>Champ de bits des couches intermédiaires</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="117"/>
        <source>LIS&apos;s bit field: bit 0 pass-1 snow, 1 pass-2 snow, 2 cloud before refinement, 3 refined cloud, 4 original cloud, 5 slope flag (MG2 &gt;= 64).</source>
        <translation>Le champ de bits de LIS : bit 0 neige de la passe 1, 1 neige de la passe 2, 2 nuage avant affinage, 3 nuage affiné, 4 nuage d'origine, 5 indicateur de pente (MG2 &gt;= 64).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="120"/>
        <source>NDSI</source>
        <translation>NDSI (indice de neige normalisé)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="120"/>
        <source>The NDSI (float32), no data where the map has none.</source>
        <translation>Le NDSI (float32), sans données là où la carte n'en a pas.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="122"/>
        <source>Fractional snow cover on top of canopy</source>
        <translation>Fraction de couvert neigeux au-dessus de la canopée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="122"/>
        <source>FSC in percent (1 to 100) on snow pixels; 0 no snow, 205 cloud, the no-data code.</source>
        <translation>FSC en pour cent (1 à 100) sur les pixels de neige ; 0 pas de neige, 205 nuage, le code d'absence de données.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="125"/>
        <source>Fractional snow cover on ground</source>
        <translation>Fraction de couvert neigeux au sol</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="125"/>
        <source>Needs the tree cover density: FSC / (1 - tree cover), in percent; codes as the FSC.</source>
        <translation>Nécessite la densité du couvert arboré : FSC / (1 - couvert arboré), en pour cent ; mêmes codes que la FSC.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="128"/>
        <source>Quality flags of the fractional snow cover</source>
        <translation>Indicateurs de qualité de la fraction de couvert neigeux</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="132"/>
        <source>Snow and cloud polygons</source>
        <translation>Polygones de neige et de nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="132"/>
        <source>Polygons of the snow (DN 100) and cloud (DN 205) pixels of the map, in a GeoPackage, with the fields DN and class.</source>
        <translation>Polygones des pixels de neige (DN 100) et de nuages (DN 205) de la carte, dans un GeoPackage, avec les champs DN et class.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="68"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="135"/>
        <source>An HTML page with the elevation histogram (snow, cloud and clear fractions per band, the snowline marked) and the numbers of the run.</source>
        <translation>Une page HTML avec l'histogramme des altitudes (fractions de neige, de nuages et de pixels dégagés par tranche, la limite d'enneigement marquée) et les chiffres du traitement.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="140"/>
        <source>Snowline elevation (m)</source>
        <translation>Altitude de la limite d'enneigement (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="34"/>
        <source>Snow (% of the valid pixels)</source>
        <translation>Neige (% des pixels valides)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="35"/>
        <source>Cloud (% of the valid pixels)</source>
        <translation>Nuages (% des pixels valides)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="232"/>
        <source>The on-ground fractional snow cover and the QC flags need a tree cover density layer (TCD).</source>
        <translation>La fraction de couvert neigeux au sol et les indicateurs de qualité nécessitent une couche de densité du couvert arboré (TCD).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="226"/>
        <source>No output file was given for the snow map.</source>
        <translation>Aucun fichier de sortie n'a été donné pour la carte de neige.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="228"/>
        <source>The snow and cloud polygons are written as a GeoPackage: give a file name ending in .gpkg (not {path}).</source>
        <translation>Les polygones de neige et de nuages sont écrits dans un GeoPackage : donnez un nom de fichier se terminant par .gpkg (et non {path}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="211"/>
        <source>The NDSI threshold of pass 2 ({pass2:g}) is above that of pass 1 ({pass1:g}): pass 2 must not be stricter than pass 1.</source>
        <translation>Le seuil de NDSI de la passe 2 ({pass2:g}) est au-dessus de celui de la passe 1 ({pass1:g}) : la passe 2 ne doit pas être plus stricte que la passe 1.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="214"/>
        <source>The red threshold of pass 2 ({pass2:g}) is above that of pass 1 ({pass1:g}): pass 2 must not be stricter than pass 1.</source>
        <translation>Le seuil du rouge de la passe 2 ({pass2:g}) est au-dessus de celui de la passe 1 ({pass1:g}) : la passe 2 ne doit pas être plus stricte que la passe 1.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="217"/>
        <source>{parameter} must be above 0 (it is {value:g}).</source>
        <translation>{parameter} doit être supérieur à 0 (il vaut {value:g}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="159"/>
        <source>{parameter} is a fraction: it must lie between 0 and 1 (it is {value:g}).</source>
        <translation>{parameter} est une fraction : il doit être compris entre 0 et 1 (il vaut {value:g}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="221"/>
        <source>The no-data code must be 254 or 255 (it is {value}).</source>
        <translation>Le code d'absence de données doit être 254 ou 255 (il vaut {value}).</translation>
    </message>
    <message>
        <location filename="../plugin/io/raster.py" line="611"/>
        <source>Could not read {file}: the file is damaged or truncated (GDAL: {error}).</source>
        <translation>Impossible de lire {file} : le fichier est endommagé ou tronqué (GDAL : {error}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="521"/>
        <source>No cloud mask: give a cloud mask layer with the bands.</source>
        <translation>Pas de masque de nuages : donnez une couche de masque de nuages avec les bandes.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="523"/>
        <source>{product} has no cloud mask (CLM or SCL): give a cloud mask layer.</source>
        <translation>{product} n'a pas de masque de nuages (CLM ou SCL) : donnez une couche de masque de nuages.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="541"/>
        <source>The DEM does not cover the scene: pass 2 is skipped.</source>
        <translation>Le MNT ne couvre pas la scène : la passe 2 n'a pas lieu.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="543"/>
        <source>No DEM was given: pass 2 (above the snowline) is skipped.</source>
        <translation>Aucun MNT n'a été donné : la passe 2 (au-dessus de la limite d'enneigement) n'a pas lieu.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="637"/>
        <source>{layer} ({file}) has no coordinate reference system: Névé cannot place it on the map's grid.</source>
        <translation>{layer} ({file}) n'a pas de système de coordonnées de référence : Névé ne peut pas la placer sur la grille de la carte.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="645"/>
        <source>{name} holds {dtype} values: a cloud mask holds whole numbers. Is it a reflectance band rather than a mask?</source>
        <translation>{name} contient des valeurs {dtype} : un masque de nuages contient des nombres entiers. Est-ce une bande de réflectance plutôt qu'un masque ?</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="653"/>
        <source>{name} holds {dtype} values, but MAJA masks and the Sen2Cor SCL are 8-bit (uint8). Is this the right file, or should the kind of cloud mask be &quot;Binary&quot;?</source>
        <translation>{name} contient des valeurs {dtype}, mais les masques de MAJA et la SCL de Sen2Cor sont sur 8 bits (uint8). Est-ce le bon fichier, ou le type de masque de nuages devrait-il être « Binaire » ?</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="727"/>
        <source>The cloud mask {name} holds the value {value}, but a Sen2Cor scene classification only has classes 0 to 11. Is it the SCL file, or should the kind of cloud mask be another?</source>
        <translation>Le masque de nuages {name} contient la valeur {value}, mais une classification de scène Sen2Cor n'a que les classes 0 à 11. Est-ce le fichier SCL, ou faut-il choisir un autre type de masque de nuages ?</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/lis.py" line="403"/>
        <source>The DEM has no elevation over the scene: pass 2 is skipped.</source>
        <translation>Le MNT n'a aucune altitude sur la scène : la passe 2 n'a pas lieu.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/lis.py" line="408"/>
        <source>The DEM spans less than one elevation band ({low:.0f} to {high:.0f} m, bands of {dz:g} m): no snowline, pass 2 is skipped.</source>
        <translation>Le MNT couvre moins d'une tranche d'altitude ({low:.0f} à {high:.0f} m, tranches de {dz:g} m) : pas de limite d'enneigement, la passe 2 n'a pas lieu.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/lis.py" line="514"/>
        <source>No elevation band is snowy: no snowline, pass 2 is skipped.</source>
        <translation>Aucune tranche d'altitude n'est enneigée : pas de limite d'enneigement, la passe 2 n'a pas lieu.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/lis.py" line="516"/>
        <source>Pass 1 found snow on {percent:.3f} % of the image, not more than {limit:g} %: pass 2 is skipped.</source>
        <translation>La passe 1 a trouvé de la neige sur {percent:.3f} % de l'image, pas plus de {limit:g} % : la passe 2 n'a pas lieu.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="829"/>
        <source>Could not create {path}.</source>
        <translation>Impossible de créer {path}.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="849"/>
        <source>Could not write the polygons to {path}.</source>
        <translation>Impossible d'écrire les polygones dans {path}.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="850"/>
        <source>snow</source>
        <translation>neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="850"/>
        <source>cloud</source>
        <translation>nuage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="54"/>
        <source>Snow map of {product}</source>
        <translation>Carte de neige de {product}</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="367"/>
        <source>Rename your preset</source>
        <translation>Renommer votre préréglage</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="369"/>
        <source>Delete your preset</source>
        <translation>Supprimer votre préréglage</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="568"/>
        <source>Snow map…</source>
        <translation>Carte de neige…</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="548"/>
        <source>Refined cloud mask…</source>
        <translation>Masque de nuages affiné…</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="18"/>
        <source>Minimum object area (m²)</source>
        <translation>Aire minimale des objets (m²)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="18"/>
        <source>Objects of the mask smaller than this are removed (an object of exactly this area stays). GRASS i.sentinel.mask: 50000 m² for clouds, 10000 m² for shadows. 0: keep every object.</source>
        <translation>Les objets du masque plus petits que cette aire sont retirés (un objet d'exactement cette aire reste). GRASS i.sentinel.mask : 50000 m² pour les nuages, 10000 m² pour les ombres. 0 : garder tous les objets.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="18"/>
        <source>Minimum hole area (m²)</source>
        <translation>Aire minimale des trous (m²)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="27"/>
        <source>Acquisition</source>
        <translation>Acquisition</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="28"/>
        <source>{width} x {height} pixels of {size:g} m</source>
        <translation>{width} x {height} pixels de {size:g} m</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="31"/>
        <source>Snowline elevation zs (m)</source>
        <translation>Altitude de la limite d'enneigement zs (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="32"/>
        <source>Pass 2</source>
        <translation>Passe 2</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="33"/>
        <source>Pass-1 snow (% of the image)</source>
        <translation>Neige de la passe 1 (% de l'image)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="42"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="43"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="44"/>
        <source>Elevation histogram</source>
        <translation>Histogramme des altitudes</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="46"/>
        <source>No elevation histogram: no DEM, or no elevation over the scene.</source>
        <translation>Pas d'histogramme des altitudes : pas de MNT, ou aucune altitude sur la scène.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="86"/>
        <source>Cloud fraction</source>
        <translation>Fraction de nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="112"/>
        <source>Clear fraction</source>
        <translation>Fraction dégagée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="112"/>
        <source>Snow fraction of the clear pixels</source>
        <translation>Fraction de neige des pixels dégagés</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="96"/>
        <source>snowline {zs:.0f} m</source>
        <translation>limite d'enneigement {zs:.0f} m</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="97"/>
        <source>Fraction</source>
        <translation>Fraction</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="99"/>
        <source>Bands of {width:.1f} m from {low:.0f} to {high:.0f} m. A band is snowy when more than {fclear:g} of its pixels are clear and more than {fsnow:g} of its clear pixels are pass-1 snow; the snowline is two bands below the lowest snowy band.</source>
        <translation>Tranches de {width:.1f} m de {low:.0f} à {high:.0f} m. Une tranche est enneigée quand plus de {fclear:g} de ses pixels sont dégagés et plus de {fsnow:g} de ses pixels dégagés sont de la neige de la passe 1 ; la limite d'enneigement est deux tranches sous la tranche enneigée la plus basse.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="112"/>
        <source>Clear snow</source>
        <translation>Neige dégagée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="112"/>
        <source>Clear, no snow</source>
        <translation>Dégagé, sans neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="116"/>
        <source>* the lowest snowy band.</source>
        <translation>* la tranche enneigée la plus basse.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="49"/>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="50"/>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="50"/>
        <source>LIS default</source>
        <translation>Valeur par défaut de LIS</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="300"/>
        <source>{low} to {high} %</source>
        <translation>{low} à {high} %</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="309"/>
        <source>pass-1 snow</source>
        <translation>neige de la passe 1</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="309"/>
        <source>pass-2 snow</source>
        <translation>neige de la passe 2</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="309"/>
        <source>cloud before refinement</source>
        <translation>nuage avant affinage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="309"/>
        <source>refined cloud</source>
        <translation>nuage affiné</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="310"/>
        <source>original cloud</source>
        <translation>nuage d'origine</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="310"/>
        <source>slope flag</source>
        <translation>indicateur de pente</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="315"/>
        <source>sun too low</source>
        <translation>soleil trop bas</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="315"/>
        <source>sun tangent</source>
        <translation>soleil rasant</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="315"/>
        <source>tree cover above 90 %</source>
        <translation>couvert arboré au-dessus de 90 %</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="316"/>
        <source>snow under thin cloud</source>
        <translation>neige sous un nuage fin</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="316"/>
        <source>tree cover unknown</source>
        <translation>couvert arboré inconnu</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="316"/>
        <source>shaded snow</source>
        <translation>neige à l'ombre</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="325"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="687"/>
        <source>Glint angle {low:.1f}° to {high:.1f}°: the sunglint threshold applies to {percent:.0f} % of the water</source>
        <translation>Angle de reflet de {low:.1f}° à {high:.1f}° : le seuil avec reflet s'applique à {percent:.0f} % de l'eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="48"/>
        <source>A cloud mask layer, for example the output of neve:refinecloudmask or of neve:cloudmask. With a product it replaces the product&apos;s own mask (CLM or SCL); without a product it is required. Pixels equal to the layer&apos;s no-data value are not cloud.</source>
        <translation>Une couche de masque de nuages, par exemple la sortie de neve:refinecloudmask ou de neve:cloudmask. Avec un produit, elle remplace le masque du produit (CLM ou SCL) ; sans produit, elle est obligatoire. Les pixels égaux à la valeur d'absence de données de la couche ne sont pas des nuages.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/sieve.py" line="109"/>
        <source>Minimum areas this large: the whole mask is labelled at once.</source>
        <translation>Aires minimales aussi grandes : tout le masque est étiqueté d'un coup.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/spec.py" line="219"/>
        <source>{parameter}: {value} is out of range; give a finite number.</source>
        <translation>{parameter} : {value} est hors limites ; donnez un nombre fini.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/spec.py" line="221"/>
        <source>{parameter}: {value} is out of range; give a value of at least {minimum}.</source>
        <translation>{parameter} : {value} est hors limites ; donnez une valeur d'au moins {minimum}.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/spec.py" line="223"/>
        <source>{parameter}: {value} is out of range; give a value of at most {maximum}.</source>
        <translation>{parameter} : {value} est hors limites ; donnez une valeur d'au plus {maximum}.</translation>
    </message>
    <message>
        <location filename="../plugin/terminal.py" line="54"/>
        <source>Warning: {text}</source>
        <translation>Avertissement : {text}</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="50"/>
        <source>{value} is not true or false</source>
        <translation>{value} n'est ni true ni false</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="58"/>
        <source>{value} is not a number</source>
        <translation>{value} n'est pas un nombre</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="58"/>
        <source>{value} is not a whole number</source>
        <translation>{value} n'est pas un nombre entier</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="72"/>
        <source>{value} is not one of {choices}</source>
        <translation>{value} n'est pas l'un de {choices}</translation>
    </message>
    <message>
        <location filename="../plugin/terminal.py" line="84"/>
        <source>{value} is not a date (YYYY-MM-DD)</source>
        <translation>{value} n'est pas une date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="88"/>
        <source>written only when given</source>
        <translation>écrit seulement s'il est donné</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="92"/>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="27"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="105"/>
        <source>default {value}, from {source}</source>
        <translation>par défaut {value}, selon {source}</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="106"/>
        <source>default {value}</source>
        <translation>par défaut {value}</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="114"/>
        <source>Choices: {choices}.</source>
        <translation>Choix : {choices}.</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="149"/>
        <source>print the results as JSON on standard output</source>
        <translation>écrire les résultats en JSON sur la sortie standard</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="150"/>
        <source>print no log and no progress, only warnings</source>
        <translation>n'écrire ni journal ni progression, seulement les avertissements</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="162"/>
        <source>Névé: cloud masks and snow maps for Sentinel-2, without QGIS. The algorithms are those of the Processing provider, with the same parameter names.</source>
        <translation>Névé : masques de nuages et cartes de neige pour Sentinel-2, sans QGIS. Les algorithmes sont ceux du fournisseur de traitements, avec les mêmes noms de paramètres.</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="162"/>
        <source>Run &quot;{prog} ALGORITHM --help&quot; for the parameters of an algorithm.</source>
        <translation>Lancez « {prog} ALGORITHME --help » pour les paramètres d'un algorithme.</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="167"/>
        <source>one of: {names}, or list</source>
        <translation>l'un de : {names}, ou list</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="176"/>
        <source>Snow maps of an archive (every product, on a Dask cluster)</source>
        <translation>Cartes de neige d'une archive (tous les produits, sur une grappe Dask)</translation>
    </message>
    <message>
        <location filename="../plugin/terminal.py" line="120"/>
        <source>Error: {message}</source>
        <translation>Erreur : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="211"/>
        <source>Error: {name} is not a Névé algorithm; the algorithms are: {names}.</source>
        <translation>Erreur : {name} n'est pas un algorithme de Névé ; les algorithmes sont : {names}.</translation>
    </message>
    <message>
        <location filename="../plugin/errors.py" line="84"/>
        <source>Not enough memory for this run: close other programs, or run it on a smaller area.</source>
        <translation>Pas assez de mémoire pour ce traitement : fermez d'autres programmes, ou traitez une zone plus petite.</translation>
    </message>
    <message>
        <location filename="../plugin/errors.py" line="93"/>
        <source>Could not write {file}: no space left on device.</source>
        <translation>Impossible d'écrire {file} : plus d'espace libre sur le disque.</translation>
    </message>
    <message>
        <location filename="../plugin/errors.py" line="100"/>
        <source>Could not write {file}: permission denied (the folder is read-only or belongs to someone else).</source>
        <translation>Impossible d'écrire {file} : permission refusée (le dossier est en lecture seule ou appartient à quelqu'un d'autre).</translation>
    </message>
    <message>
        <location filename="../plugin/errors.py" line="103"/>
        <source>{file}: {error}</source>
        <translation>{file} : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/common.py" line="55"/>
        <source>the Theia and Sen2Cor formats</source>
        <translation>les formats Theia et Sen2Cor</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/common.py" line="55"/>
        <source>the Theia format</source>
        <translation>le format Theia</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="119"/>
        <source>Let-It-Snow (Theia Snow collection)</source>
        <translation>Let-It-Snow (collection Neige de Theia)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="185"/>
        <source>{value} is not a fractional snow cover formula ({choices}).</source>
        <translation>{value} n'est pas une formule de couverture fractionnaire de neige ({choices}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/spec.py" line="185"/>
        <source>{algorithm} has no parameter {names}.</source>
        <translation>{algorithm} n'a pas de paramètre {names}.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="119"/>
        <source>MAJA, Theia production since February 2018</source>
        <translation>MAJA, production Theia depuis février 2018</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/thresholds.py" line="122"/>
        <source>MAJA</source>
        <translation>MAJA</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/paths.py" line="170"/>
        <source>{first} and {second} are the same file ({path}): each output needs a file of its own, or one of them would be lost.</source>
        <translation>{first} et {second} sont le même fichier ({path}) : chaque sortie a besoin de son propre fichier, sinon l'une d'elles serait perdue.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/paths.py" line="175"/>
        <source>The output {output} ({path}) is a folder: give a file name.</source>
        <translation>La sortie {output} ({path}) est un dossier : donnez un nom de fichier.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/paths.py" line="179"/>
        <source>The output {output} ({path}) is an input of this run ({input}): Névé never writes over its inputs. Choose another file name.</source>
        <translation>La sortie {output} ({path}) est une entrée de ce traitement ({input}) : Névé n'écrit jamais sur ses entrées. Choisissez un autre nom de fichier.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/paths.py" line="184"/>
        <source>The output {output} ({path}) lies inside the input product {product}: Névé never writes into a product. Choose a file outside it.</source>
        <translation>La sortie {output} ({path}) se trouve dans le produit d'entrée {product} : Névé n'écrit jamais dans un produit. Choisissez un fichier en dehors.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="115"/>
        <source>&lt;p&gt;Sums up a season of snow maps pixel by pixel, with the method of the yearly syntheses of the Theia Snow collection (LIS): how long snow stayed, when it came and when it melted.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Snow maps&lt;/b&gt;: outputs of &lt;i&gt;Snow map&lt;/i&gt; (neve:snowmap), Theia Snow maps (*_SNW_R2.tif) or fractional snow cover maps (FSC). Codes: 0 no snow, 1 to 100 snow, anything else is a gap (205 cloud, 254 or 255 no data); pixels equal to a map&apos;s no-data value are gaps too.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Dates&lt;/b&gt;: for each map the first found of: the &lt;i&gt;Dates&lt;/i&gt; parameter; the ACQUISITION_DATE metadata tag (written by neve:snowmap); a date in the file name (Theia: SENTINEL2A_20180101-103512-456_..., or 20180101, or 2018-01-01), in the name of its folder. The log tells which was used for each map.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Period&lt;/b&gt;: from the start date to the end date, both included; left empty, the hydrological year of the earliest map, 1 September to 31 August (the period of the Theia Snow syntheses). Maps up to the margin (default 15 days, the LIS default) before or after the period steer the interpolation at its ends; other maps are ignored.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (LIS): maps of the same day are merged, a clear value winning over a gap (the first map of the list when both are clear); for each pixel the snow value (1 snow, 0 no snow) is interpolated linearly in time between clear observations, and takes the nearest clear value before the first and after the last; a day is a snow day when the value is at least 0.5. A pixel never clear has no snow day.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Résume pixel par pixel une saison de cartes de neige, avec la méthode des synthèses annuelles de la collection Theia Neige (LIS) : combien de temps la neige est restée, quand elle est arrivée et quand elle a fondu.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cartes de neige&lt;/b&gt; : sorties de &lt;i&gt;Carte de neige&lt;/i&gt; (neve:snowmap), cartes Theia Neige (*_SNW_R2.tif) ou cartes de fraction de couverture neigeuse (FSC). Codes : 0 pas de neige, 1 à 100 neige, toute autre valeur est une lacune (205 nuage, 254 ou 255 sans donnée) ; les pixels égaux à la valeur sans donnée d'une carte sont aussi des lacunes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Dates&lt;/b&gt; : pour chaque carte, la première trouvée parmi : le paramètre &lt;i&gt;Dates&lt;/i&gt; ; la métadonnée ACQUISITION_DATE (écrite par neve:snowmap) ; une date dans le nom du fichier (Theia : SENTINEL2A_20180101-103512-456_..., ou 20180101, ou 2018-01-01), dans le nom de son dossier. Le journal indique laquelle a servi pour chaque carte.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Période&lt;/b&gt; : de la date de début à la date de fin, toutes deux comprises ; laissée vide, l'année hydrologique de la carte la plus ancienne, du 1er septembre au 31 août (la période des synthèses Theia Neige). Les cartes situées jusqu'à la marge (15 jours par défaut, valeur de LIS) avant ou après la période guident l'interpolation à ses extrémités ; les autres cartes sont ignorées.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Méthode&lt;/b&gt; (LIS) : les cartes d'un même jour sont fusionnées, une valeur claire l'emportant sur une lacune (la première carte de la liste quand les deux sont claires) ; pour chaque pixel, la valeur de neige (1 neige, 0 pas de neige) est interpolée linéairement dans le temps entre les observations claires, et prend la valeur claire la plus proche avant la première et après la dernière ; un jour est enneigé quand la valeur vaut au moins 0,5. Un pixel jamais clair n'a aucun jour de neige.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="238"/>
        <source>{value} is not a way of counting NSP ({choices}).</source>
        <translation>{value} n'est pas une façon de compter NSP ({choices}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product.py" line="152"/>
        <source>{value} is not a Theia reflectance ({choices}).</source>
        <translation>{value} n'est pas une réflectance Theia ({choices}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="131"/>
        <source>python-fmask</source>
        <translation>python-fmask</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="197"/>
        <source>Névé</source>
        <translation>Névé</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="131"/>
        <source>Google Earth Engine (s2cloudless)</source>
        <translation>Google Earth Engine (s2cloudless)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="17"/>
        <source>GRASS i.sentinel.mask</source>
        <translation>GRASS i.sentinel.mask</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudinputs.py" line="110"/>
        <source>{value} is not one of {choices}.</source>
        <translation>{value} n'est pas l'un de {choices}.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudinputs.py" line="117"/>
        <source>No output file was given for {output}.</source>
        <translation>Aucun fichier de sortie n'a été donné pour « {output} ».</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="681"/>
        <source>Sunglint for the whole scene (the product&apos;s flag or its mean angles): {flag}</source>
        <translation>Reflet du soleil pour toute la scène (indicateur du produit ou angles moyens) : {flag}</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="681"/>
        <source>yes, the sunglint threshold applies</source>
        <translation>oui, le seuil avec reflet s'applique</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="681"/>
        <source>no, the threshold without sunglint applies</source>
        <translation>non, le seuil sans reflet s'applique</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="119"/>
        <source>Best projection over dark pixels (Névé 0.1)</source>
        <translation>Meilleure projection sur les pixels sombres (Névé 0.1)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="119"/>
        <source>Potential shadows matched per cloud (Fmask)</source>
        <translation>Ombres potentielles appariées nuage par nuage (Fmask)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="197"/>
        <source>Fmask (Zhu and Woodcock 2012)</source>
        <translation>Fmask (Zhu et Woodcock 2012)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="199"/>
        <source>Shadow method</source>
        <translation>Méthode des ombres</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="199"/>
        <source>Best projection over dark pixels: each cloud's projection that holds the most dark pixels (the method of Névé 0.1). Potential shadows matched per cloud: pixels darker than their surroundings in the NIR (B8A) and the SWIR (B11), found by a flood fill as in Fmask, or below the NIR dark threshold, kept where the projection of a cloud at its matching heights touches them; dark surfaces far from the clouds' projections (water, forest) are left out. It beats the dark test alone on every labelled scene of the benchmark.</source>
        <translation>Meilleure projection sur les pixels sombres : la projection de chaque nuage qui contient le plus de pixels sombres (la méthode de Névé 0.1). Ombres potentielles appariées nuage par nuage : les pixels plus sombres que leur voisinage dans le proche infrarouge (B8A) et le SWIR (B11), trouvés par un remplissage par inondation comme dans Fmask, ou sous le seuil sombre du proche infrarouge, gardés là où la projection d'un nuage à ses hauteurs d'appariement les touche ; les surfaces sombres loin des projections des nuages (eau, forêt) sont laissées de côté. Elle bat le seul test de pixels sombres sur chaque scène étiquetée du banc d'essai.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="207"/>
        <source>Matched shadows: darker than the surroundings by</source>
        <translation>Ombres appariées : plus sombre que le voisinage de</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="207"/>
        <source>A pixel is a potential shadow when its NIR and its SWIR both lie more than this fraction below their flood fill (the level its surroundings hold it at). Default 0.15.</source>
        <translation>Un pixel est une ombre potentielle quand son proche infrarouge et son SWIR sont tous deux plus de cette fraction sous leur remplissage par inondation (le niveau auquel son voisinage le retient). Par défaut 0,15.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="212"/>
        <source>Matched shadows: height tolerance</source>
        <translation>Ombres appariées : tolérance sur la hauteur</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="212"/>
        <source>A cloud&apos;s projection counts at every height where its share of potential shadow reaches this fraction of its best share (1: the best height only). Default 0.7.</source>
        <translation>La projection d'un nuage compte à toutes les hauteurs où sa part d'ombre potentielle atteint cette fraction de sa meilleure part (1 : la meilleure hauteur seulement). Par défaut 0,7.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="217"/>
        <source>Shadow buffer (m)</source>
        <translation>Tampon des ombres (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="217"/>
        <source>The shadows found are buffered by this distance (exact disk; python-fmask buffers its shadows by 300 m). 0: no buffer.</source>
        <translation>Les ombres trouvées reçoivent un tampon de cette distance (disque exact ; python-fmask met un tampon de 300 m autour de ses ombres). 0 : pas de tampon.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="228"/>
        <source>NIR band layer (B8A or B8)</source>
        <translation>Couche de la bande proche infrarouge (B8A ou B8)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="228"/>
        <source>With the matched shadow method and no product: the near infrared band (B8A, or B8) as a layer on the cloud mask&apos;s grid; reflectance = (value + offset) / scale.</source>
        <translation>Avec la méthode des ombres appariées et sans produit : la bande proche infrarouge (B8A, ou B8) sous forme de couche sur la grille du masque de nuages ; réflectance = (valeur + décalage) / échelle.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="231"/>
        <source>SWIR band layer (B11)</source>
        <translation>Couche de la bande SWIR (B11)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="231"/>
        <source>With the matched shadow method and no product: the SWIR band B11 as a layer on the cloud mask&apos;s grid.</source>
        <translation>Avec la méthode des ombres appariées et sans produit : la bande SWIR B11 sous forme de couche sur la grille du masque de nuages.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="82"/>
        <source>MAJA parametrisation of the cloud mask (Theia, from the production date)</source>
        <translation>Paramétrage de MAJA du masque de nuages (Theia, d'après la date de production)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="82"/>
        <source>Cloud buffer of that parametrisation (m)</source>
        <translation>Tampon des nuages de ce paramétrage (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="19"/>
        <source>Bring to the current Theia parameters</source>
        <translation>Amener aux paramètres actuels de Theia</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="24"/>
        <source>None: water may be snow (LIS default)</source>
        <translation>Aucune : l'eau peut être de la neige (défaut de LIS)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="24"/>
        <source>The product&apos;s water mask (MAJA MG2 bit 0, Sen2Cor SCL class 6)</source>
        <translation>Le masque d'eau du produit (bit 0 du MG2 de MAJA, classe 6 du SCL de Sen2Cor)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="24"/>
        <source>The water mask layer</source>
        <translation>La couche de masque d'eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="68"/>
        <source>Water bodies, for example EU-Hydro rasterised, as LIS 1.11 takes them (water_mask_path): non-zero pixels (other than the layer&apos;s no-data) are water. Water pixels are never snow, and the QC water bit comes from this layer. Giving it chooses it as the source of water.</source>
        <translation>Les surfaces en eau, par exemple EU-Hydro rastérisé, comme LIS 1.11 les prend (water_mask_path) : les pixels non nuls (autres que l'absence de données de la couche) sont de l'eau. Les pixels d'eau ne sont jamais de la neige, et le bit « eau » des indicateurs de qualité vient de cette couche. La donner la choisit comme source de l'eau.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="60"/>
        <source>Strict cloud mask (LIS strict_cloud_mask)</source>
        <translation>Masque de nuages strict (strict_cloud_mask de LIS)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>Remove snow inside clouds (LIS pass 1.5)</source>
        <translation>Retirer la neige à l'intérieur des nuages (passe 1.5 de LIS)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>LIS&apos;s rm_snow_inside_cloud (&quot;pass 1.5&quot;): the pass-1 snow objects (4-connected) larger than the minimum area whose surrounding ring (the object dilated by a disk of the dilation radius, minus snow) is more than the threshold cloud go back to cloud, and into the cloud mask of the snowline and of pass 2. Off by default, as in LIS.</source>
        <translation>rm_snow_inside_cloud de LIS (« passe 1.5 ») : les objets de neige de la passe 1 (4-connexes) plus grands que la surface minimale dont l'anneau environnant (l'objet dilaté par un disque du rayon de dilatation, moins la neige) est nuageux à plus du seuil retournent au nuage, et dans le masque de nuages de la limite d'enneigement et de la passe 2. Désactivé par défaut, comme dans LIS.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>Pass 1.5: dilation radius (pixels)</source>
        <translation>Passe 1.5 : rayon de dilatation (pixels)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>LIS&apos;s rm_snow_inside_cloud_dilation_radius: radius in pixels of the disk that makes the ring around a snow object. LIS default 5.</source>
        <translation>rm_snow_inside_cloud_dilation_radius de LIS : rayon en pixels du disque qui forme l'anneau autour d'un objet de neige. Défaut de LIS : 5.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>Pass 1.5: cloud fraction of the ring</source>
        <translation>Passe 1.5 : fraction nuageuse de l'anneau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>LIS&apos;s rm_snow_inside_cloud_threshold: a snow object goes back to cloud when more than this fraction of its ring is cloud (0 to 1). LIS default 0.85.</source>
        <translation>rm_snow_inside_cloud_threshold de LIS : un objet de neige retourne au nuage quand plus de cette fraction de son anneau est nuageuse (de 0 à 1). Défaut de LIS : 0,85.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>Pass 1.5: minimum object area (pixels)</source>
        <translation>Passe 1.5 : surface minimale des objets (pixels)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>LIS&apos;s rm_snow_inside_cloud_min_area: only snow objects of more than this many pixels are looked at. LIS default 25000.</source>
        <translation>rm_snow_inside_cloud_min_area de LIS : seuls les objets de neige de plus de ce nombre de pixels sont examinés. Défaut de LIS : 25000.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>Source of water</source>
        <translation>Source de l'eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>Where water comes from (LIS 1.11's water mask): none (LIS's default: water may be snow; the QC water bit then comes from the product's mask when it has one), the product's own water mask, or the water mask layer. Water pixels are never snow (Névé keeps them as no snow or cloud, where LIS 1.11 makes them no data), and the QC water bit comes from the chosen source.</source>
        <translation>D'où vient l'eau (masque d'eau de LIS 1.11) : aucune source (défaut de LIS : l'eau peut être de la neige ; le bit « eau » des indicateurs de qualité vient alors du masque du produit s'il en a un), le masque d'eau du produit, ou la couche de masque d'eau. Les pixels d'eau ne sont jamais de la neige (Névé les garde comme sans neige ou nuage, là où LIS 1.11 en fait une absence de données), et le bit « eau » des indicateurs de qualité vient de la source choisie.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>Flag snow in the cast shadow of the relief (QC bit 6)</source>
        <translation>Signaler la neige dans l'ombre portée du relief (bit 6 des indicateurs de qualité)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>For the shaded snow: the sun zenith angle, replacing the product&apos;s mean angle (needed with layers, which have no metadata).</source>
        <translation>Pour la neige à l'ombre : l'angle zénithal du soleil, à la place de l'angle moyen du produit (nécessaire avec des couches, qui n'ont pas de métadonnées).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>For the shaded snow: the sun azimuth angle, clockwise from north, replacing the product&apos;s mean angle.</source>
        <translation>Pour la neige à l'ombre : l'azimut du soleil, compté depuis le nord dans le sens horaire, à la place de l'angle moyen du produit.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/eras.py" line="10"/>
        <source>Theia before May 2017</source>
        <translation>Theia avant mai 2017</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/eras.py" line="18"/>
        <source>cloud buffer {distance:g} m, SWIR over water {threshold:g} ({sunglint:g} with sunglint)</source>
        <translation>tampon des nuages {distance:g} m, SWIR sur l'eau {threshold:g} ({sunglint:g} avec reflet solaire)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/eras.py" line="36"/>
        <source>MAJA parameters unknown: the metadata give no production date</source>
        <translation>Paramètres de MAJA inconnus : les métadonnées ne donnent pas de date de production</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/eras.py" line="37"/>
        <source>MAJA parameters: {era} ({parameters})</source>
        <translation>Paramètres de MAJA : {era} ({parameters})</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="108"/>
        <source>(produced in May 2017: the 240 m buffer started that month, on a day the source does not give, so it may have been the 480 m one)</source>
        <translation>(produit en mai 2017 : le tampon de 240 m a commencé ce mois-là, un jour que la source ne donne pas, ce peut donc être encore celui de 480 m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="81"/>
        <source>MAJA parameters</source>
        <translation>Paramètres de MAJA</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="105"/>
        <source>unknown: the metadata give no production date</source>
        <translation>inconnus : les métadonnées ne donnent pas de date de production</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="498"/>
        <source>The matched shadow method of the recipe reads the NIR (B8A) and SWIR (B11) bands of a product: give a product, or search the shadows of layers with neve:cloudshadows.</source>
        <translation>La méthode des ombres appariées de la recette lit les bandes proche infrarouge (B8A) et SWIR (B11) d'un produit : donnez un produit, ou cherchez les ombres de couches avec neve:cloudshadows.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="592"/>
        <source>Bringing a product to the current Theia parameters needs the Theia product itself (its production date tells which parameters made it).</source>
        <translation>Amener un produit aux paramètres actuels de Theia nécessite le produit Theia lui-même (sa date de production dit quels paramètres l'ont fait).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="599"/>
        <source>{product} is not a Theia product with a production date: which MAJA parameters made it is not known, so it cannot be brought to the current ones.</source>
        <translation>{product} n'est pas un produit Theia avec une date de production : on ne sait pas quels paramètres de MAJA l'ont fait, il ne peut donc pas être amené aux paramètres actuels.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="604"/>
        <source>{product} was made with the current Theia parameters ({era}): nothing to change, the cloud mask is written as it is.</source>
        <translation>{product} a été fait avec les paramètres actuels de Theia ({era}) : rien à changer, le masque de nuages est écrit tel quel.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="609"/>
        <source>{product} was made with the parameters &quot;{era}&quot;: {extra:g} m of buffer more (to {distance:g} m) and the clouds over water of today&apos;s thresholds ({threshold:g}, {sunglint:g} with sunglint), buffered by {distance:g} m.</source>
        <translation>{product} a été fait avec les paramètres « {era} » : {extra:g} m de tampon en plus (jusqu'à {distance:g} m) et les nuages sur l'eau des seuils d'aujourd'hui ({threshold:g}, {sunglint:g} avec reflet solaire), avec un tampon de {distance:g} m.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="615"/>
        <source>{product} was produced in May 2017, when the buffer went from 480 m to 240 m on a day the source does not give: it is taken as made with 240 m.</source>
        <translation>{product} a été produit en mai 2017, quand le tampon est passé de 480 m à 240 m un jour que la source ne donne pas : il est pris comme fait avec 240 m.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="192"/>
        <source>{value} is not a source of water ({choices}).</source>
        <translation>{value} n'est pas une source de l'eau ({choices}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="198"/>
        <source>Removing snow inside clouds needs a dilation radius and a minimum area of at least 0 pixels and a threshold between 0 and 1.</source>
        <translation>Le retrait de la neige à l'intérieur des nuages demande un rayon de dilatation et une surface minimale d'au moins 0 pixel et un seuil entre 0 et 1.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="203"/>
        <source>{parameter} must lie between 0 and {high:g} degrees (it is {value:g}).</source>
        <translation>{parameter} doit être compris entre 0 et {high:g} degrés (il vaut {value:g}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="266"/>
        <source>The shaded snow is written in the QC flags (bit 6): ask for the QC flags output to get it.</source>
        <translation>La neige à l'ombre est écrite dans les indicateurs de qualité (bit 6) : demandez la sortie des indicateurs de qualité pour l'obtenir.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="269"/>
        <source>Snow inside clouds (LIS pass 1.5): {objects} pass-1 snow objects ({pixels} pixels) went back to cloud.</source>
        <translation>Neige à l'intérieur des nuages (passe 1.5 de LIS) : {objects} objets de neige de la passe 1 ({pixels} pixels) sont retournés au nuage.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="601"/>
        <source>A water mask layer was given and the product&apos;s water mask was chosen: give one or the other.</source>
        <translation>Une couche de masque d'eau a été donnée et le masque d'eau du produit a été choisi : donnez l'un ou l'autre.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="608"/>
        <source>The water mask layer was chosen as the source of water, but no water mask layer was given.</source>
        <translation>La couche de masque d'eau a été choisie comme source de l'eau, mais aucune couche de masque d'eau n'a été donnée.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="611"/>
        <source>{product} has no water mask (MAJA MG2 or Sen2Cor SCL): give a water mask layer instead.</source>
        <translation>{product} n'a pas de masque d'eau (MG2 de MAJA ou SCL de Sen2Cor) : donnez plutôt une couche de masque d'eau.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="622"/>
        <source>The shaded snow needs a digital elevation model (DEM): the cast shadows of the relief are computed from it.</source>
        <translation>La neige à l'ombre nécessite un modèle numérique de terrain (MNT) : les ombres portées du relief sont calculées à partir de lui.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="629"/>
        <source>The shaded snow needs the sun angles: {product} gives none; give the sun zenith and azimuth angles (SUN_ZENITH, SUN_AZIMUTH).</source>
        <translation>La neige à l'ombre nécessite les angles solaires : {product} n'en donne pas ; donnez l'angle zénithal et l'azimut du soleil (SUN_ZENITH, SUN_AZIMUTH).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="62"/>
        <source>{objects} objects, {pixels} pixels back to cloud (radius {radius} pixels, threshold {threshold:g}, objects of more than {area} pixels)</source>
        <translation>{objects} objets, {pixels} pixels retournés au nuage (rayon {radius} pixels, seuil {threshold:g}, objets de plus de {area} pixels)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="69"/>
        <source>Snow inside clouds (LIS pass 1.5)</source>
        <translation>Neige à l'intérieur des nuages (passe 1.5 de LIS)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="71"/>
        <source>not used</source>
        <translation>non utilisée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="71"/>
        <source>the product&apos;s water mask</source>
        <translation>le masque d'eau du produit</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="71"/>
        <source>the water mask layer</source>
        <translation>la couche de masque d'eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="72"/>
        <source>Water, never snow</source>
        <translation>Eau, jamais de la neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="75"/>
        <source>Cast shadow of the relief (pixels)</source>
        <translation>Ombre portée du relief (pixels)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap_report.py" line="75"/>
        <source>{pixels} (sun zenith {zenith:.2f}, azimuth {azimuth:.2f} degrees)</source>
        <translation>{pixels} (zénith solaire {zenith:.2f}, azimut {azimuth:.2f} degrés)</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="68"/>
        <source>Lit</source>
        <translation>Éclairé</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="68"/>
        <source>Cast shadow of the relief</source>
        <translation>Ombre portée du relief</translation>
    </message>
    <message>
        <location filename="../ui/preview.py" line="394"/>
        <source>Cast shadow of the relief (preview)</source>
        <translation>Ombre portée du relief (aperçu)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="18"/>
        <source>None: the product&apos;s own cloud mask</source>
        <translation>Aucune : le masque de nuages du produit</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Folder of products</source>
        <translation>Dossier de produits</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>A folder searched with its subfolders for Sentinel-2 L2A products: Theia or Sen2Cor zips (named as downloaded), product folders. Products may also be given one by one below.</source>
        <translation>Un dossier où chercher, avec ses sous-dossiers, des produits Sentinel-2 L2A : zips Theia ou Sen2Cor (nommés comme téléchargés), dossiers de produits. Les produits peuvent aussi être donnés un à un ci-dessous.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Products given one by one (zips, metadata files or folders), besides or instead of the folder.</source>
        <translation>Produits donnés un à un (zips, fichiers de métadonnées ou dossiers), en plus du dossier ou à sa place.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>One elevation raster covering every product (a VRT over several tiles is fine), in metres: each snow map reads it onto its own 20 m grid. Without it, pass 2 is skipped.</source>
        <translation>Un raster d'altitudes couvrant tous les produits (un VRT sur plusieurs tuiles convient), en mètres : chaque carte de neige le lit sur sa propre grille de 20 m. Sans lui, la passe 2 est omise.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Cloud mask refinement</source>
        <translation>Affinage du masque de nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Refine each product&apos;s cloud mask with a preset of neve:refinecloudmask before mapping the snow (the refined mask is kept beside the map), or use the product&apos;s own mask.</source>
        <translation>Affiner le masque de nuages de chaque produit avec un préréglage de neve:refinecloudmask avant de cartographier la neige (le masque affiné est gardé à côté de la carte), ou utiliser le masque du produit.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>First day of the season</source>
        <translation>Premier jour de la saison</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>With the last day: the snow season of each tile (neve:snowseason) from its maps, in season_YYYYMMDD_YYYYMMDD in the tile&apos;s folder. Leave both empty for maps only.</source>
        <translation>Avec le dernier jour : la saison de neige de chaque tuile (neve:snowseason) à partir de ses cartes, dans season_AAAAMMJJ_AAAAMMJJ du dossier de la tuile. Laissez les deux vides pour les cartes seules.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Last day of the season</source>
        <translation>Dernier jour de la saison</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>The last day of the season (inclusive).</source>
        <translation>Le dernier jour de la saison (inclus).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Dask scheduler</source>
        <translation>Ordonnanceur Dask</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Address of a running Dask scheduler (tcp://host:8786), or the file written by dask scheduler --scheduler-file; its workers must see the products and the output folder under the same paths. Empty: a local cluster of worker processes on this computer, stopped at the end.</source>
        <translation>Adresse d'un ordonnanceur Dask en marche (tcp://hôte:8786), ou le fichier écrit par dask scheduler --scheduler-file ; ses workers doivent voir les produits et le dossier de sortie sous les mêmes chemins. Vide : une grappe locale de processus workers sur cet ordinateur, arrêtée à la fin.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Local worker processes</source>
        <translation>Processus workers locaux</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Worker processes of the local cluster, one product at a time each (0: one per processor core). Not used with a scheduler.</source>
        <translation>Processus workers de la grappe locale, un produit à la fois chacun (0 : un par cœur de processeur). Inutilisé avec un ordonnanceur.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Retries of a failed product</source>
        <translation>Nouveaux essais d'un produit en échec</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>A product whose task fails is tried again this many times (on any worker) before it is recorded as failed.</source>
        <translation>Un produit dont la tâche échoue est réessayé ce nombre de fois (sur n'importe quel worker) avant d'être noté en échec.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Optional outputs of each product</source>
        <translation>Sorties facultatives de chaque produit</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Written beside each snow map, named after it.</source>
        <translation>Écrites à côté de chaque carte de neige, nommées d'après elle.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>One folder per tile with the snow maps (YYYYMMDD_S2A_SNW.tif) and the season, and manifest.json: the status, numbers and files of every product. Running again into the same folder skips what is done.</source>
        <translation>Un dossier par tuile avec les cartes de neige (AAAAMMJJ_S2A_SNW.tif) et la saison, et manifest.json : l'état, les chiffres et les fichiers de chaque produit. Relancer dans le même dossier saute ce qui est fait.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="78"/>
        <source>Manifest</source>
        <translation>Manifeste</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="78"/>
        <source>Products mapped</source>
        <translation>Produits cartographiés</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="78"/>
        <source>Products already done</source>
        <translation>Produits déjà faits</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="78"/>
        <source>Products failed</source>
        <translation>Produits en échec</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="78"/>
        <source>Seasons done</source>
        <translation>Saisons faites</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="78"/>
        <source>Seasons failed</source>
        <translation>Saisons en échec</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="87"/>
        <source>Snow maps of an archive</source>
        <translation>Cartes de neige d'une archive</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="87"/>
        <source>The snow map of every product of a folder, and the season of each tile, on a Dask cluster or the processor cores of this computer; resumable.</source>
        <translation>La carte de neige de chaque produit d'un dossier, et la saison de chaque tuile, sur une grappe Dask ou les cœurs de cet ordinateur ; reprenable.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="106"/>
        <source>Archive runs need the Python packages {packages}: install them with python3 -m pip install &quot;{requirement}&quot;.</source>
        <translation>Le traitement d'une archive a besoin des paquets Python {packages} : installez-les avec python3 -m pip install &quot;{requirement}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="478"/>
        <source>{path} does not exist.</source>
        <translation>{path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="250"/>
        <source>{product} has no acquisition date: its outputs cannot be named.</source>
        <translation>{product} n'a pas de date d'acquisition : ses sorties ne peuvent pas être nommées.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="318"/>
        <source>{path} is not a manifest of a Névé archive run ({error}): move it away or choose another output folder.</source>
        <translation>{path} n'est pas le manifeste d'un traitement d'archive de Névé ({error}) : déplacez-le ou choisissez un autre dossier de sortie.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="318"/>
        <source>unknown format</source>
        <translation>format inconnu</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cluster.py" line="129"/>
        <source>Could not reach the Dask scheduler at {address}: {error}</source>
        <translation>Impossible de joindre l'ordonnanceur Dask à {address} : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cluster.py" line="132"/>
        <source>Dask scheduler {address}: {workers} workers.</source>
        <translation>Ordonnanceur Dask {address} : {workers} workers.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cluster.py" line="150"/>
        <source>Local Dask cluster: {workers} worker processes of one thread.</source>
        <translation>Grappe Dask locale : {workers} processus workers d'un fil chacun.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="456"/>
        <source>No output folder was given.</source>
        <translation>Aucun dossier de sortie n'a été donné.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="458"/>
        <source>{value} is not a refinement preset ({choices}).</source>
        <translation>{value} n'est pas un préréglage d'affinage ({choices}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="462"/>
        <source>{value} is not an optional output ({choices}).</source>
        <translation>{value} n'est pas une sortie facultative ({choices}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="465"/>
        <source>The season needs both its first and its last day (or neither, for no season).</source>
        <translation>La saison demande son premier et son dernier jour (ou aucun des deux, pour ne pas faire de saison).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="468"/>
        <source>The season ends ({stop}) before it starts ({start}).</source>
        <translation>La saison finit ({stop}) avant de commencer ({start}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="471"/>
        <source>The number of retries cannot be negative.</source>
        <translation>Le nombre de nouveaux essais ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="473"/>
        <source>Give a folder of products, or products.</source>
        <translation>Donnez un dossier de produits, ou des produits.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="509"/>
        <source>The workers running this task stopped each time (out of memory?): {error}</source>
        <translation>Les workers qui exécutaient cette tâche se sont arrêtés à chaque fois (mémoire épuisée ?) : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="570"/>
        <source>No Sentinel-2 L2A product was found (zips named like Theia or Sen2Cor products, product folders, metadata files).</source>
        <translation>Aucun produit Sentinel-2 L2A n'a été trouvé (zips nommés comme des produits Theia ou Sen2Cor, dossiers de produits, fichiers de métadonnées).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="594"/>
        <source>{product} is the same acquisition (tile, day, satellite) as {other}: it is not mapped twice.</source>
        <translation>{product} est la même acquisition (tuile, jour, satellite) que {other} : elle n'est pas cartographiée deux fois.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="607"/>
        <source>{total} products: {todo} to map, {skipped} already done.</source>
        <translation>{total} produits : {todo} à cartographier, {skipped} déjà faits.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="692"/>
        <source>{product}: failed: {error}</source>
        <translation>{product} : échec : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="687"/>
        <source>{tile} {stem}: done in {seconds:.1f} s (snow {snow:.1f} %, cloud {cloud:.1f} %).</source>
        <translation>{tile} {stem} : fait en {seconds:.1f} s (neige {snow:.1f} %, nuages {cloud:.1f} %).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="729"/>
        <source>No snow map of this tile was made.</source>
        <translation>Aucune carte de neige de cette tuile n'a été faite.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="742"/>
        <source>{tile}: season {start} to {stop} done from {maps} maps.</source>
        <translation>{tile} : saison du {start} au {stop} faite à partir de {maps} cartes.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="746"/>
        <source>{tile}: the season failed: {error}</source>
        <translation>{tile} : la saison a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="827"/>
        <source>Cancelled: the products finished before are recorded in {manifest}; run again to go on.</source>
        <translation>Annulé : les produits terminés avant sont notés dans {manifest} ; relancez pour continuer.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="846"/>
        <source>Products: {done} done, {skipped} skipped, {failed} failed. Manifest: {manifest}</source>
        <translation>Produits : {done} faits, {skipped} sautés, {failed} en échec. Manifeste : {manifest}</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="26"/>
        <source>Without --scheduler, a local cluster of --workers processes runs on this computer and stops at the end. Exit status: 0 every product done (now or before), 1 some failed (see the manifest), 2 bad input.</source>
        <translation>Sans --scheduler, une grappe locale de --workers processus tourne sur cet ordinateur et s'arrête à la fin. Code de sortie : 0 tous les produits faits (maintenant ou avant), 1 certains en échec (voir le manifeste), 2 entrée incorrecte.</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="32"/>
        <source>Sentinel-2 L2A products (zips, folders, metadata files) or folders holding them, searched recursively</source>
        <translation>produits Sentinel-2 L2A (zips, dossiers, fichiers de métadonnées) ou dossiers qui les contiennent, parcourus récursivement</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="35"/>
        <source>output folder (with manifest.json)</source>
        <translation>dossier de sortie (avec manifest.json)</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="36"/>
        <source>one DEM covering every product (a VRT is fine)</source>
        <translation>un MNT couvrant tous les produits (un VRT convient)</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="37"/>
        <source>refine the cloud masks first with a preset of neve:refinecloudmask: {choices}</source>
        <translation>affiner d'abord les masques de nuages avec un préréglage de neve:refinecloudmask : {choices}</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="40"/>
        <source>the snow season of each tile from START to STOP (YYYY-MM-DD, inclusive)</source>
        <translation>la saison de neige de chaque tuile de START à STOP (AAAA-MM-JJ, inclus)</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="43"/>
        <source>a running Dask scheduler (its address, or its scheduler file) whose workers see the same paths</source>
        <translation>un ordonnanceur Dask en marche (son adresse, ou son fichier d'ordonnanceur) dont les workers voient les mêmes chemins</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="46"/>
        <source>worker processes of the local cluster (default: one per core)</source>
        <translation>processus workers de la grappe locale (par défaut : un par cœur)</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="48"/>
        <source>tries again of a failed product (default {value})</source>
        <translation>nouveaux essais d'un produit en échec (par défaut {value})</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="55"/>
        <source>optional outputs of each product: {choices}</source>
        <translation>sorties facultatives de chaque produit : {choices}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="55"/>
        <source>This algorithm needs the Python packages {packages}, which this QGIS cannot import. Install them into the Python of QGIS: on Debian or Ubuntu run python3 -m pip install --user {requirements}; on Windows open the OSGeo4W Shell and run: python -m pip install {requirements}. Then restart QGIS.</source>
        <translation>Cet algorithme a besoin des paquets Python {packages}, que ce QGIS ne peut pas importer. Installez-les dans le Python de QGIS : sous Debian ou Ubuntu, lancez python3 -m pip install --user {requirements} ; sous Windows, ouvrez l'OSGeo4W Shell et lancez : python -m pip install {requirements}. Redémarrez ensuite QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="78"/>
        <source>{product} is a Landsat Level-1 product ({level}: top-of-atmosphere reflectance). Névé needs a Level-2 product (surface reflectance): USGS Collection 2 Level-2 (L2SP or L2SR) or Theia/MUSCATE Landsat L2A.</source>
        <translation>{product} est un produit Landsat de niveau 1 ({level} : réflectance au sommet de l'atmosphère). Névé a besoin d'un produit de niveau 2 (réflectance de surface) : USGS Collection 2 niveau 2 (L2SP ou L2SR) ou Landsat L2A de Theia/MUSCATE.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="85"/>
        <source>{product} is a Landsat {number} product: Névé reads Landsat 8 and 9, whose bands B3, B4 and B6 are green, red and SWIR (Landsat 4, 5 and 7 number their bands otherwise).</source>
        <translation>{product} est un produit Landsat {number} : Névé lit Landsat 8 et 9, dont les bandes B3, B4 et B6 sont le vert, le rouge et le SWIR (Landsat 4, 5 et 7 numérotent leurs bandes autrement).</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="107"/>
        <source>{file} is not a readable tar file ({error}): it may be damaged or incompletely downloaded.</source>
        <translation>{file} n'est pas un fichier tar lisible ({error}) : il est peut-être endommagé ou incomplètement téléchargé.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="116"/>
        <source>{file} holds a file named &quot;{name}&quot;, which points outside the archive (an absolute path or &quot;..&quot;). A product never does: the archive is refused for safety.</source>
        <translation>{file} contient un fichier nommé « {name} », qui pointe hors de l'archive (chemin absolu ou « .. »). Un produit n'en contient jamais : l'archive est refusée par sécurité.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="121"/>
        <source>{file} holds a link ({name}): a product holds files only; the archive is refused for safety.</source>
        <translation>{file} contient un lien ({name}) : un produit ne contient que des fichiers ; l'archive est refusée par sécurité.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="128"/>
        <source>{file} is cut short: {name} should hold {expected} bytes, the archive ends after {found}. Download the product again.</source>
        <translation>{file} est tronqué : {name} devrait contenir {expected} octets, l'archive s'arrête après {found}. Téléchargez de nouveau le produit.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="146"/>
        <source>Could not read {file} in {archive} ({error}): the archive may be damaged.</source>
        <translation>Impossible de lire {file} dans {archive} ({error}) : l'archive est peut-être endommagée.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="173"/>
        <source>{file} is not text: the metadata is damaged.</source>
        <translation>{file} n'est pas du texte : les métadonnées sont endommagées.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="182"/>
        <source>{file} is not a USGS metadata file: line {line} is not &quot;NAME = value&quot;.</source>
        <translation>{file} n'est pas un fichier de métadonnées USGS : la ligne {line} n'est pas de la forme « NOM = valeur ».</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="190"/>
        <source>{file}: END_GROUP = {group} on line {line} closes no open group; the metadata is damaged.</source>
        <translation>{file} : END_GROUP = {group} à la ligne {line} ne ferme aucun groupe ouvert ; les métadonnées sont endommagées.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="197"/>
        <source>{file} ends inside the group {group}: the metadata is incomplete.</source>
        <translation>{file} s'arrête dans le groupe {group} : les métadonnées sont incomplètes.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="244"/>
        <source>{product} has no metadata file (*_MTL.xml or *_MTL.txt): the scale and offset of its reflectance come from it. Download the whole product (its .tar) again.</source>
        <translation>{product} n'a pas de fichier de métadonnées (*_MTL.xml ou *_MTL.txt) : l'échelle et le décalage de sa réflectance en viennent. Téléchargez de nouveau le produit entier (son .tar).</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="257"/>
        <source>{file} gives the processing level &quot;{level}&quot;: Névé reads USGS Collection 2 Level-2 products (L2SP, L2SR).</source>
        <translation>{file} donne le niveau de traitement « {level} » : Névé lit les produits USGS Collection 2 de niveau 2 (L2SP, L2SR).</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="285"/>
        <source>{file} gives no sun angles (SUN_ELEVATION, SUN_AZIMUTH).</source>
        <translation>{file} ne donne pas les angles solaires (SUN_ELEVATION, SUN_AZIMUTH).</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="301"/>
        <source>{product} has no surface reflectance file (*_SR_B1.TIF to *_SR_B7.TIF): the product is incomplete. Found: {files}.</source>
        <translation>{product} n'a aucun fichier de réflectance de surface (*_SR_B1.TIF à *_SR_B7.TIF) : le produit est incomplet. Contenu : {files}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="305"/>
        <source>{product} has no QA_PIXEL file (*_QA_PIXEL.TIF): its clouds, shadows, water, snow and no data are there. The product is incomplete: download it again.</source>
        <translation>{product} n'a pas de fichier QA_PIXEL (*_QA_PIXEL.TIF) : ses nuages, ombres, eau, neige et pixels sans données s'y trouvent. Le produit est incomplet : téléchargez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="341"/>
        <source>{file} gives no REFLECTANCE_MULT_BAND_{number} and REFLECTANCE_ADD_BAND_{number} in LEVEL2_SURFACE_REFLECTANCE_PARAMETERS: the reflectance of band B{number} cannot be computed. The metadata is damaged or not that of a Level-2 product.</source>
        <translation>{file} ne donne pas REFLECTANCE_MULT_BAND_{number} et REFLECTANCE_ADD_BAND_{number} dans LEVEL2_SURFACE_REFLECTANCE_PARAMETERS : la réflectance de la bande B{number} ne peut pas être calculée. Les métadonnées sont endommagées ou ne sont pas celles d'un produit de niveau 2.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="348"/>
        <source>{file} gives different REFLECTANCE_MULT_BAND values to the bands ({values}): Névé reads products whose bands share one scale, as every Collection 2 product does.</source>
        <translation>{file} donne des valeurs REFLECTANCE_MULT_BAND différentes aux bandes ({values}) : Névé lit les produits dont les bandes partagent une échelle, comme tous les produits de la Collection 2.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="424"/>
        <source>{product} is a product of level {level}. Névé needs a Level-2A product (surface reflectance) made by MAJA.</source>
        <translation>{product} est un produit de niveau {level}. Névé a besoin d'un produit de niveau 2A (réflectance de surface) produit par MAJA.</translation>
    </message>
    <message>
        <location filename="../plugin/io/landsat.py" line="431"/>
        <source>{product} has no {reflectance} reflectance file (*_{reflectance}_B1.tif to *_{reflectance}_B7.tif): the product is incomplete. Found: {files}.</source>
        <translation>{product} n'a aucun fichier de réflectance {reflectance} (*_{reflectance}_B1.tif à *_{reflectance}_B7.tif) : le produit est incomplet. Contenu : {files}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/readers.py" line="43"/>
        <source>This zip is not a Sentinel-2 L2A product: no MTD_ALL.xml (Theia) or MTD_MSIL2A.xml (Sen2Cor) was found in it, nor any Theia reflectance file (*_FRE_B4.tif); nor is it a Landsat Level-2 product (no *_MTL.xml or *_MTL.txt of USGS Collection 2). Found in {path}: {files}.</source>
        <translation>Ce zip n'est pas un produit Sentinel-2 L2A : il ne contient ni MTD_ALL.xml (Theia), ni MTD_MSIL2A.xml (Sen2Cor), ni aucun fichier de réflectance Theia (*_FRE_B4.tif) ; ce n'est pas non plus un produit Landsat de niveau 2 (aucun *_MTL.xml ou *_MTL.txt de l'USGS Collection 2). Contenu de {path} : {files}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/readers.py" line="48"/>
        <source>This archive is not a Landsat Level-2 product: no *_MTL.xml or *_MTL.txt (USGS Collection 2) was found in it, nor any *_SR_B4.TIF, nor a Sentinel-2 L2A product. Found in {path}: {files}.</source>
        <translation>Cette archive n'est pas un produit Landsat de niveau 2 : elle ne contient ni *_MTL.xml ou *_MTL.txt (USGS Collection 2), ni aucun *_SR_B4.TIF, ni un produit Sentinel-2 L2A. Contenu de {path} : {files}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/readers.py" line="52"/>
        <source>This folder is not a Sentinel-2 L2A product: no MTD_ALL.xml (Theia) or MTD_MSIL2A.xml (Sen2Cor) was found in it, nor any Theia reflectance file (*_FRE_B4.tif); nor is it a Landsat Level-2 product (no *_MTL.xml or *_MTL.txt of USGS Collection 2). Found in {path}: {files}.</source>
        <translation>Ce dossier n'est pas un produit Sentinel-2 L2A : il ne contient ni MTD_ALL.xml (Theia), ni MTD_MSIL2A.xml (Sen2Cor), ni aucun fichier de réflectance Theia (*_FRE_B4.tif) ; ce n'est pas non plus un produit Landsat de niveau 2 (aucun *_MTL.xml ou *_MTL.txt de l'USGS Collection 2). Contenu de {path} : {files}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/readers.py" line="103"/>
        <source>{path} is not a Sentinel-2 L2A product: expected a product folder, its .zip, or its metadata file (*_MTD_ALL.xml for Theia, MTD_MSIL2A.xml for Sen2Cor); for Landsat, the folder or .tar of a USGS Collection 2 Level-2 product, or its *_MTL.xml.</source>
        <translation>{path} n'est pas un produit Sentinel-2 L2A : attendu le dossier d'un produit, son .zip ou son fichier de métadonnées (*_MTD_ALL.xml pour Theia, MTD_MSIL2A.xml pour Sen2Cor) ; pour Landsat, le dossier ou le .tar d'un produit USGS Collection 2 de niveau 2, ou son *_MTL.xml.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="17"/>
        <source>Landsat QA_PIXEL (USGS bits)</source>
        <translation>QA_PIXEL de Landsat (bits USGS)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 0: fill (no data)</source>
        <translation>Bit 0 : remplissage (pas de données)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 1: dilated cloud</source>
        <translation>Bit 1 : nuage dilaté</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 2: cirrus</source>
        <translation>Bit 2 : cirrus</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 3: cloud</source>
        <translation>Bit 3 : nuage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 4: cloud shadow</source>
        <translation>Bit 4 : ombre de nuage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 5: snow</source>
        <translation>Bit 5 : neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 6: clear</source>
        <translation>Bit 6 : clair</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 7: water</source>
        <translation>Bit 7 : eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 8: cloud confidence, low bit (set: low or high)</source>
        <translation>Bit 8 : confiance nuage, bit bas (levé : faible ou forte)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 9: cloud confidence, high bit (set: medium or high)</source>
        <translation>Bit 9 : confiance nuage, bit haut (levé : moyenne ou forte)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 10: cloud shadow confidence, low bit</source>
        <translation>Bit 10 : confiance ombre de nuage, bit bas</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 11: cloud shadow confidence, high bit (set: medium or high)</source>
        <translation>Bit 11 : confiance ombre de nuage, bit haut (levé : moyenne ou forte)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 12: snow and ice confidence, low bit</source>
        <translation>Bit 12 : confiance neige et glace, bit bas</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 13: snow and ice confidence, high bit (set: medium or high)</source>
        <translation>Bit 13 : confiance neige et glace, bit haut (levé : moyenne ou forte)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 14: cirrus confidence, low bit</source>
        <translation>Bit 14 : confiance cirrus, bit bas</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="55"/>
        <source>Bit 15: cirrus confidence, high bit (set: medium or high)</source>
        <translation>Bit 15 : confiance cirrus, bit haut (levé : moyenne ou forte)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>The mask layer of a product: a MAJA CLM or MG2 file, a Sen2Cor SCL file, a Landsat QA_PIXEL file or any single-band classified raster. Used when no product is given.</source>
        <translation>La couche de masque d'un produit : un fichier MAJA CLM ou MG2, un fichier SCL Sen2Cor, un fichier QA_PIXEL de Landsat ou tout raster classé à une bande. Utilisée quand aucun produit n'est donné.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>How to read the mask raster: MAJA bit fields, Sen2Cor classes, plain values or the USGS Landsat QA_PIXEL bits.</source>
        <translation>Comment lire le raster de masque : champs de bits MAJA, classes Sen2Cor, simples valeurs ou bits du QA_PIXEL de Landsat (USGS).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>QA_PIXEL bits that count as cloud</source>
        <translation>Bits du QA_PIXEL comptés comme nuage</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>Used with a Landsat QA_PIXEL (USGS Collection 2). Default bits 1 to 4: dilated cloud, cirrus, cloud and cloud shadow, the clouds of the snow map. Bits 8 to 15 are two-bit confidences (0 none, 1 low, 2 medium, 3 high): the high bit of a pair is set for medium and high.</source>
        <translation>Utilisés avec un QA_PIXEL de Landsat (USGS Collection 2). Par défaut les bits 1 à 4 : nuage dilaté, cirrus, nuage et ombre de nuage, les nuages de la carte de neige. Les bits 8 à 15 sont des confiances sur deux bits (0 aucune, 1 faible, 2 moyenne, 3 forte) : le bit haut d'une paire est levé pour moyenne et forte.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>USGS Landsat Collection 2</source>
        <translation>USGS Landsat Collection 2</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="94"/>
        <source>Pixel size of the output when the input is a Sentinel-2 product: 10 or 20 m (the Theia Snow collection works at 20 m). Landsat products are read on their 30 m grid.</source>
        <translation>Taille des pixels de la sortie quand l'entrée est un produit Sentinel-2 : 10 ou 20 m (la collection Theia Neige travaille à 20 m). Les produits Landsat sont lus sur leur grille de 30 m.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="128"/>
        <source>A binary cloud mask (1 cloud, 0 clear, 255 no data) from a MAJA CLM or MG2 mask, a Sen2Cor SCL, a Landsat QA_PIXEL or any classified raster.</source>
        <translation>Un masque de nuages binaire (1 nuage, 0 clair, 255 pas de données) à partir d'un masque MAJA CLM ou MG2, d'une SCL Sen2Cor, d'un QA_PIXEL de Landsat ou de tout raster classé.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="149"/>
        <source>&lt;p&gt;&lt;b&gt;Landsat QA_PIXEL&lt;/b&gt; (USGS Collection 2): a pixel is cloud when at least one of the chosen bits is set; the default, bits 1 to 4 (dilated cloud, cirrus, cloud, cloud shadow), is the cloud mask of the snow map. Bit 0 (fill) is no data.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;QA_PIXEL de Landsat&lt;/b&gt; (USGS Collection 2) : un pixel est un nuage quand au moins un des bits choisis est levé ; le choix par défaut, les bits 1 à 4 (nuage dilaté, cirrus, nuage, ombre de nuage), est le masque de nuages de la carte de neige. Le bit 0 (remplissage) indique l'absence de données.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudmask.py" line="153"/>
        <source>&lt;p&gt;&lt;b&gt;From a product&lt;/b&gt;: the mask comes from the product itself, read in place: the CLM of a Theia product (or its MG2 when that kind is chosen), with no data from its EDG mask, or the SCL of a Sen2Cor product, at the chosen resolution (10 or 20 m; masks are resampled with nearest neighbour, never through JPEG2000 reduced resolutions); the QA_PIXEL of a USGS Landsat product (the CLM of a Theia Landsat product) on its 30 m grid.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Depuis un produit&lt;/b&gt; : le masque vient du produit lui-même, lu sur place : le CLM d'un produit Theia (ou son MG2 si ce type est choisi), avec les pixels sans données de son masque EDG, ou la SCL d'un produit Sen2Cor, à la résolution choisie (10 ou 20 m ; les masques sont rééchantillonnés au plus proche voisin, jamais par les résolutions réduites du JPEG2000) ; le QA_PIXEL d'un produit Landsat de l'USGS (le CLM d'un produit Landsat de Theia) sur sa grille de 30 m.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="41"/>
        <source>Pixel size of the output when the input is a Sentinel-2 product: 10 or 20 m (the Theia Snow collection works at 20 m; the product&apos;s masks exist at both). Landsat products are read on their 30 m grid.</source>
        <translation>Taille des pixels de la sortie quand l'entrée est un produit Sentinel-2 : 10 ou 20 m (la collection Theia Neige travaille à 20 m ; les masques du produit existent aux deux). Les produits Landsat sont lus sur leur grille de 30 m.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="61"/>
        <source>B12 (2190 nm), as MAJA; Landsat B7</source>
        <translation>B12 (2190 nm), comme MAJA ; Landsat B7</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="61"/>
        <source>B11 (1610 nm), the other SWIR band; Landsat B6</source>
        <translation>B11 (1610 nm), l'autre bande SWIR ; Landsat B6</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="114"/>
        <source>NIR (B8A, Landsat B5) below the NIR threshold</source>
        <translation>PIR (B8A, Landsat B5) sous le seuil PIR</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="114"/>
        <source>SWIR (B11, Landsat B6) below the SWIR threshold</source>
        <translation>SWIR (B11, Landsat B6) sous le seuil SWIR</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/cloudshadows.py" line="36"/>
        <source>&lt;p&gt;Finds the shadows of the clouds: each cloud (a group of touching cloud pixels) is moved along the sun direction by H tan(sun zenith), away from the sun, for cloud heights H from the lowest to the highest, corrected for the viewing parallax (the image shows the cloud itself displaced by H tan(view zenith) away from the satellite). Each cloud keeps the height whose projection covers the largest fraction of dark pixels among the clear pixels it covers; its shadow is the projection there, if that fraction is above the minimum dark fraction. Or, when asked, the whole area swept over the range of heights.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Clouds&lt;/b&gt;: from a product, MAJA CLM bits 2 and 3 (clouds of the reflectance tests; not the thinnest clouds, bit 4, nor cirrus, bit 7) or Sen2Cor SCL classes 8 and 9; or a cloud mask layer (non-zero values are cloud), for example from &quot;Clouds over water&quot; or &quot;Cloud mask from a product&apos;s mask&quot;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Dark pixels&lt;/b&gt;: NIR (B8A) below 0.15, or SWIR (B11) below 0.10.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Matched shadows&lt;/b&gt; (shadow method): instead of the dark pixels, the potential shadows, pixels darker than their surroundings in the NIR (B8A) and the SWIR (B11) by a flood fill as in Fmask, or below the NIR dark threshold; each cloud&apos;s projection marks every height within the tolerance of its best match, and the potential-shadow objects it touches are its shadow. With layers, give the NIR and SWIR band layers. The shadows can be buffered.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Angles&lt;/b&gt; from the product&apos;s 5 km angle grids at each cloud&apos;s centre, or given as numbers. Heights: python-fmask scans 200 m to 12 km, GRASS i.sentinel.mask 1 to 4 km.&lt;/p&gt;&lt;p&gt;The whole raster is processed at once (about 10 bytes a pixel): with a product, at 20 m by default. Outputs: the shadow mask (1 shadow, 0 not, 255 no data) and optionally each cloud&apos;s height in metres.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 and 9&lt;/b&gt; products are read on their 30 m grid, with the NIR B5 or the SWIR B6 for the dark test, the sun angles of the metadata and a view at nadir; the clouds of a USGS product are its QA_PIXEL bit 3 (cloud).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Trouve les ombres des nuages : chaque nuage (un groupe de pixels de nuage qui se touchent) est déplacé selon la direction du soleil de H tan(zénith solaire), à l'opposé du soleil, pour des altitudes de nuage H de la plus basse à la plus haute, avec la correction de la parallaxe de visée (l'image montre le nuage lui-même déplacé de H tan(zénith de visée) à l'opposé du satellite). Chaque nuage garde l'altitude dont la projection couvre la plus grande fraction de pixels sombres parmi les pixels clairs qu'elle couvre ; son ombre est la projection à cette altitude, si cette fraction dépasse la fraction sombre minimale. Ou, sur demande, toute la zone balayée sur la plage d'altitudes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Nuages&lt;/b&gt; : d'un produit, les bits 2 et 3 du CLM de MAJA (nuages des tests de réflectance ; ni les nuages les plus fins, bit 4, ni les cirrus, bit 7) ou les classes 8 et 9 du SCL de Sen2Cor ; ou une couche de masque de nuages (les valeurs non nulles sont du nuage), par exemple de « Nuages sur l'eau » ou de « Masque de nuages depuis le masque d'un produit ».&lt;/p&gt;&lt;p&gt;&lt;b&gt;Pixels sombres&lt;/b&gt; : PIR (B8A) sous 0,15, ou SWIR (B11) sous 0,10.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ombres appariées&lt;/b&gt; (méthode des ombres) : au lieu des pixels sombres, les ombres potentielles, pixels plus sombres que leur voisinage dans le proche infrarouge (B8A) et le SWIR (B11) d'après un remplissage par inondation comme dans Fmask, ou sous le seuil sombre du proche infrarouge ; la projection de chaque nuage marque toutes les hauteurs dans la tolérance de son meilleur appariement, et les objets d'ombre potentielle qu'elle touche sont son ombre. Avec des couches, donnez les couches des bandes proche infrarouge et SWIR. Les ombres peuvent recevoir un tampon.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Angles&lt;/b&gt; tirés des grilles d'angles à 5 km du produit au centre de chaque nuage, ou donnés en nombres. Altitudes : python-fmask parcourt de 200 m à 12 km, GRASS i.sentinel.mask de 1 à 4 km.&lt;/p&gt;&lt;p&gt;Le raster est traité en entier d'un coup (environ 10 octets par pixel) : avec un produit, à 20 m par défaut. Sorties : le masque des ombres (1 ombre, 0 non, 255 pas de données) et, au besoin, l'altitude de chaque nuage en mètres.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 et 9&lt;/b&gt; : les produits sont lus sur leur grille de 30 m, avec le PIR B5 ou le SWIR B6 pour le test des pixels sombres, les angles solaires des métadonnées et une visée au nadir ; les nuages d'un produit USGS sont le bit 3 (nuage) de son QA_PIXEL.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="53"/>
        <source>Sentinel-2 or Landsat L2A product (folder, .zip, .tar or metadata file)</source>
        <translation>Produit L2A Sentinel-2 ou Landsat (dossier, .zip, .tar ou fichier de métadonnées)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/common.py" line="17"/>
        <source>Sentinel-2 and Landsat L2A products (*.zip *.tar *.xml *.txt);;All files (*)</source>
        <translation>Produits L2A Sentinel-2 et Landsat (*.zip *.tar *.xml *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/dilatemask.py" line="32"/>
        <source>&lt;p&gt;Buffers (dilates) a mask by a distance in metres, as MAJA dilates its cloud mask: 480 m in Theia production since February 2018, 240 m from May 2017 to February 2018; Sen2Cor does not buffer.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Exact definition&lt;/b&gt;: an output pixel is 1 when the Euclidean distance between its centre and the centre of some mask pixel is at most the distance, 0 otherwise, 255 where the input is no data. Pixel width and height come from the raster (non-square pixels are honoured); the result is the same whatever the size of the blocks it is computed in. The raster must be in a projected CRS in metres.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mask&lt;/b&gt;: a raster layer, whose listed values count as mask (default: every non-zero value except no data); or, without a layer, the clouds of a Sentinel-2 L2A product: MAJA CLM bits 1, 2, 3 and 7 (every cloud except the thinnest, not shadows), or Sen2Cor SCL classes 8, 9 and 10, with no data from EDG or SCL 0. For another choice, make the mask with &quot;Cloud mask from a product&apos;s mask&quot; and give it as the layer.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parallax&lt;/b&gt;: with a parallax height above 0 and a product (for its per-band viewing angles), the buffer also covers where the bands see a cloud at that height.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 and 9&lt;/b&gt; products (Theia/MUSCATE, or USGS Collection 2 from its folder or .tar) are read on their 30 m grid; the clouds of a USGS product are its QA_PIXEL bits 2 (cirrus) and 3 (cloud), its no data bit 0.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Entoure (dilate) un masque d'un tampon d'une distance en mètres, comme MAJA dilate son masque de nuages : 480 m dans la production Theia depuis février 2018, 240 m de mai 2017 à février 2018 ; Sen2Cor ne met pas de tampon.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Définition exacte&lt;/b&gt; : un pixel de sortie vaut 1 quand la distance euclidienne entre son centre et le centre d'un pixel du masque est au plus la distance, 0 sinon, 255 là où l'entrée n'a pas de données. La largeur et la hauteur des pixels viennent du raster (les pixels non carrés sont respectés) ; le résultat est le même quelle que soit la taille des blocs de calcul. Le raster doit être dans un SCR projeté en mètres.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Masque&lt;/b&gt; : une couche raster dont les valeurs listées forment le masque (par défaut : toute valeur non nulle sauf l'absence de données) ; ou, sans couche, les nuages d'un produit Sentinel-2 L2A : bits 1, 2, 3 et 7 du CLM de MAJA (tous les nuages sauf les plus fins, pas les ombres), ou classes 8, 9 et 10 du SCL de Sen2Cor, l'absence de données venant d'EDG ou du SCL 0. Pour un autre choix, faites le masque avec « Masque de nuages depuis le masque d'un produit » et donnez-le comme couche.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parallaxe&lt;/b&gt; : avec une hauteur de parallaxe supérieure à 0 et un produit (pour ses angles de visée par bande), le tampon couvre aussi les endroits où les bandes voient un nuage à cette hauteur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 et 9&lt;/b&gt; : les produits (Theia/MUSCATE, ou USGS Collection 2 depuis son dossier ou son .tar) sont lus sur leur grille de 30 m ; les nuages d'un produit USGS sont les bits 2 (cirrus) et 3 (nuage) de son QA_PIXEL, ses pixels sans données le bit 0.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="44"/>
        <source>No product: give a Sentinel-2 L2A product (its folder, its .zip or its metadata file) or a Landsat one. This algorithm loads whole products, not single layers.</source>
        <translation>Aucun produit : donnez un produit Sentinel-2 L2A (son dossier, son .zip ou son fichier de métadonnées) ou un produit Landsat. Cet algorithme charge des produits entiers, pas des couches isolées.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="53"/>
        <source>A Theia/MUSCATE (MAJA) product or an ESA Sen2Cor product, as downloaded: its .zip (read without unzipping), its folder, or its metadata file (*_MTD_ALL.xml, MTD_MSIL2A.xml). Landsat 8 and 9: a Theia/MUSCATE Landsat L2A product (folder or .zip) or a USGS Collection 2 Level-2 product (folder, .tar or *_MTL.xml).</source>
        <translation>Un produit Theia/MUSCATE (MAJA) ou un produit ESA Sen2Cor, tel que téléchargé : son .zip (lu sans le décompresser), son dossier ou son fichier de métadonnées (*_MTD_ALL.xml, MTD_MSIL2A.xml). Landsat 8 et 9 : un produit Landsat L2A de Theia/MUSCATE (dossier ou .zip) ou un produit USGS Collection 2 de niveau 2 (dossier, .tar ou *_MTL.xml).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="71"/>
        <source>30 m reflectance stack of a Landsat product (B1 to B7)</source>
        <translation>Pile de réflectances à 30 m d'un produit Landsat (B1 à B7)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="71"/>
        <source>A small VRT file pointing to the band files of a Landsat product (keep the product where it is). Sentinel-2 products have the 10 m and 20 m stacks instead.</source>
        <translation>Un petit fichier VRT qui pointe vers les fichiers de bandes d'un produit Landsat (laissez le produit où il est). Les produits Sentinel-2 ont à la place les piles à 10 m et à 20 m.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="82"/>
        <source>Mission (Sentinel-2, Landsat)</source>
        <translation>Mission (Sentinel-2 ou Landsat)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="82"/>
        <source>Landsat path and row (WRS-2)</source>
        <translation>Orbite et ligne Landsat (path/row WRS-2)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="98"/>
        <source>Load a Sentinel-2 or Landsat L2A product</source>
        <translation>Charger un produit L2A Sentinel-2 ou Landsat</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/loadproduct.py" line="107"/>
        <source>&lt;p&gt;Loads a Sentinel-2 L2A product, Theia/MUSCATE (MAJA) or ESA Sen2Cor, from its folder, its .zip (read without unzipping) or its metadata file.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reflectance stacks&lt;/b&gt;: two virtual rasters (VRT), the 10 m bands B2, B3, B4, B8 and the 20 m bands B5, B6, B7, B8A, B11, B12. They point to the product&apos;s own band files, so they are written at once and take no room; keep the product where it is. The values are the digital numbers of the product, with the product&apos;s scale and offset recorded in the VRT: QGIS shows surface reflectance (0 to 1), Sen2Cor&apos;s offset of processing baseline 04.00 and later included. Bands are named with their central wavelength. A band the product holds only at a coarser resolution is shown with its pixels repeated.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Masks&lt;/b&gt; at 20 m, decoded from the product: cloud (the choice of the Theia Snow collection: any CLM bit, or SCL classes 3, 8, 9, 10, cloud shadows included), cloud shadow (CLM bits 5 and 6, or SCL 3), water (MG2 bit 0, or SCL 6), snow (MG2 bit 2, or SCL 11): 1 in the mask, 0 outside, 255 no data. The no-data mask is 1 outside the swath (EDG, or SCL 0). Skip the outputs you do not need.&lt;/p&gt;&lt;p&gt;&lt;b&gt;MAJA parameters&lt;/b&gt;: for a Theia product, which parametrisation of MAJA&apos;s cloud mask made it, from its production date (the product version did not always change with them): theia_2016 (before May 2017: 480 m buffer, SWIR over water 0.08, 0.25 with sunglint), theia_2017 (May 2017 to 1 February 2018: 240 m, 0.08, 0.25), theia_2018 (since 2 February 2018: 480 m, 0.04, 0.16). neve:refinecloudmask brings a product to the current parameters.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Summary&lt;/b&gt;: acquisition and production dates, tile, platform, product version or processing baseline, mean sun angles, cloud and snow percent of the valid pixels (counted on the masks above), the sunglint flag (MAJA&apos;s flag, or MAJA&apos;s rule on the mean angles for Sen2Cor) and the product&apos;s other quality indicators, in the log and as an HTML page. The same values are outputs that a model can pass on.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 and 9&lt;/b&gt; (Theia/MUSCATE L2A, or USGS Collection 2 Level-2 from its folder or .tar): one stack of the 30 m bands B1 to B7 instead of the 10 m and 20 m stacks, the masks at 30 m (the CLM, MG2 and EDG of Theia, or the USGS QA_PIXEL bits: cloud bits 1 to 4, shadow 4, water 7, snow 5, no data 0), and the mission and the path and row (or the Theia tile or site) in the summary.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Charge un produit Sentinel-2 L2A, Theia/MUSCATE (MAJA) ou ESA Sen2Cor, depuis son dossier, son .zip (lu sans le décompresser) ou son fichier de métadonnées.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Piles de réflectances&lt;/b&gt; : deux rasters virtuels (VRT), les bandes à 10 m B2, B3, B4, B8 et les bandes à 20 m B5, B6, B7, B8A, B11, B12. Ils pointent vers les fichiers de bandes du produit lui-même : ils sont écrits aussitôt et ne prennent pas de place ; laissez le produit où il est. Les valeurs sont les comptes numériques du produit, avec son échelle et son décalage inscrits dans le VRT : QGIS affiche la réflectance de surface (de 0 à 1), décalage de Sen2Cor des versions de traitement 04.00 et suivantes compris. Les bandes sont nommées avec leur longueur d'onde centrale. Une bande que le produit ne contient qu'à une résolution plus grossière est affichée avec ses pixels répétés.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Masques&lt;/b&gt; à 20 m, décodés depuis le produit : nuages (le choix de la collection Neige de Theia : n'importe quel bit de CLM, ou les classes SCL 3, 8, 9, 10, ombres de nuages comprises), ombres de nuages (bits 5 et 6 de CLM, ou SCL 3), eau (bit 0 de MG2, ou SCL 6), neige (bit 2 de MG2, ou SCL 11) : 1 dans le masque, 0 en dehors, 255 sans données. Le masque des pixels sans données vaut 1 hors de la fauchée (EDG, ou SCL 0). Ignorez les sorties dont vous n'avez pas besoin.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Paramètres de MAJA&lt;/b&gt; : pour un produit Theia, le paramétrage du masque de nuages de MAJA qui l'a fait, d'après sa date de production (la version du produit n'a pas toujours changé avec lui) : theia_2016 (avant mai 2017 : tampon de 480 m, SWIR sur l'eau 0,08, 0,25 avec reflet solaire), theia_2017 (de mai 2017 au 1er février 2018 : 240 m, 0,08, 0,25), theia_2018 (depuis le 2 février 2018 : 480 m, 0,04, 0,16). neve:refinecloudmask amène un produit aux paramètres actuels.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Résumé&lt;/b&gt; : dates d'acquisition et de production, tuile, plateforme, version du produit ou version de traitement, angles solaires moyens, pourcentages de nuages et de neige parmi les pixels valides (comptés sur les masques ci-dessus), indicateur de reflets du soleil (l'indicateur de MAJA, ou la règle de MAJA appliquée aux angles moyens pour Sen2Cor) et les autres indicateurs de qualité du produit, dans le journal et dans une page HTML. Les mêmes valeurs sont des sorties qu'un modèle peut transmettre.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 et 9&lt;/b&gt; (L2A de Theia/MUSCATE, ou USGS Collection 2 niveau 2 depuis son dossier ou son .tar) : une seule pile des bandes à 30 m B1 à B7 au lieu des piles à 10 m et à 20 m, les masques à 30 m (CLM, MG2 et EDG de Theia, ou les bits du QA_PIXEL de l'USGS : nuages bits 1 à 4, ombre 4, eau 7, neige 5, pas de données 0), et la mission et l'orbite et la ligne (ou la tuile ou le site Theia) dans le résumé.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/sievemask.py" line="49"/>
        <source>&lt;p&gt;Cleans a mask: removes its objects (groups of touching mask pixels) smaller than the minimum object area, then fills its holes (groups of touching pixels outside the mask, no data excluded) smaller than the minimum hole area. An object or a hole whose area equals the minimum stays. Areas are in square metres: the number of pixels times the pixel area, so the raster must be in a projected CRS in metres.&lt;/p&gt;&lt;p&gt;Pixels touch by their sides and corners (8-connectivity, default) or by their sides only (4-connectivity). Objects and holes cut by the edge of the raster or by no data count with the area they have inside.&lt;/p&gt;&lt;p&gt;Defaults: 50000 m² for both, the minimum cloud area of GRASS i.sentinel.mask; using the same area for holes treats the mask and its background alike, as GDAL's sieve filter does. 0 turns a step off.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mask&lt;/b&gt;: a raster layer, whose listed values count as mask (default every non-zero value except no data), or the clouds of a Sentinel-2 L2A product (MAJA CLM bits 1, 2, 3 and 7, Sen2Cor SCL classes 8, 9 and 10). Output: 1 mask, 0 outside, 255 no data.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 and 9&lt;/b&gt; products (Theia/MUSCATE, or USGS Collection 2 from its folder or .tar) are read on their 30 m grid; the clouds of a USGS product are its QA_PIXEL bits 2 (cirrus) and 3 (cloud), its no data bit 0.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nettoie un masque : retire ses objets (groupes de pixels du masque qui se touchent) plus petits que l'aire minimale des objets, puis comble ses trous (groupes de pixels hors du masque qui se touchent, absence de données exclue) plus petits que l'aire minimale des trous. Un objet ou un trou dont l'aire est égale au minimum reste. Les aires sont en mètres carrés : le nombre de pixels fois l'aire d'un pixel, le raster doit donc être dans un SCR projeté en mètres.&lt;/p&gt;&lt;p&gt;Les pixels se touchent par leurs côtés et leurs coins (connexité 8, par défaut) ou par leurs côtés seulement (connexité 4). Les objets et les trous coupés par le bord du raster ou par l'absence de données comptent avec l'aire qu'ils ont à l'intérieur.&lt;/p&gt;&lt;p&gt;Par défaut : 50000 m² pour les deux, l'aire minimale des nuages de GRASS i.sentinel.mask ; la même aire pour les trous traite le masque et son fond de la même façon, comme le filtre de tamisage de GDAL. 0 désactive une étape.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Masque&lt;/b&gt; : une couche raster dont les valeurs listées forment le masque (par défaut toute valeur non nulle sauf l'absence de données), ou les nuages d'un produit Sentinel-2 L2A (bits 1, 2, 3 et 7 du CLM de MAJA, classes 8, 9 et 10 du SCL de Sen2Cor). Sortie : 1 masque, 0 hors, 255 pas de données.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 et 9&lt;/b&gt; : les produits (Theia/MUSCATE, ou USGS Collection 2 depuis son dossier ou son .tar) sont lus sur leur grille de 30 m ; les nuages d'un produit USGS sont les bits 2 (cirrus) et 3 (nuage) de son QA_PIXEL, ses pixels sans données le bit 0.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="44"/>
        <source>Used when no product is given: the SWIR band (B11, 20 m; Landsat 8 and 9: B6, 30 m). The map is made on its grid, and its no-data pixels are the map&apos;s no data.</source>
        <translation>Utilisée quand aucun produit n'est donné : la bande SWIR (B11, 20 m ; Landsat 8 et 9 : B6, 30 m). La carte est faite sur sa grille, et ses pixels sans données sont ceux de la carte.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="53"/>
        <source>How to read the cloud mask layer. MAJA CLM bits: any bit is cloud, bits 5 and 6 are shadows and bit 7 high clouds, which stay cloud whatever the dark-cloud test says. Sen2Cor SCL: classes 3, 8, 9 and 10 are cloud, 3 is shadow and 10 high cloud. Binary: non-zero is cloud, with no shadow or high cloud. Landsat QA_PIXEL (USGS): bits 1 to 4 (dilated cloud, cirrus, cloud, cloud shadow) are cloud, bit 4 is shadow and bit 2 (cirrus) high cloud.</source>
        <translation>Comment lire la couche de masque de nuages. Bits du CLM de MAJA : tout bit est un nuage, les bits 5 et 6 sont des ombres et le bit 7 des nuages hauts, qui restent des nuages quel que soit le résultat du test des nuages sombres. SCL de Sen2Cor : les classes 3, 8, 9 et 10 sont des nuages, 3 est une ombre et 10 un nuage haut. Binaire : toute valeur non nulle est un nuage, sans ombre ni nuage haut. QA_PIXEL de Landsat (USGS) : les bits 1 à 4 (nuage dilaté, cirrus, nuage, ombre de nuage) sont des nuages, le bit 4 une ombre et le bit 2 (cirrus) un nuage haut.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="60"/>
        <source>Elevations in metres, in any CRS and resolution: resampled onto the map&apos;s grid (20 m, Landsat 30 m) with cubic splines. Pixels without elevation get no pass 2. Without a DEM, pass 2 is skipped.</source>
        <translation>Altitudes en mètres, dans n'importe quel SCR et à n'importe quelle résolution : rééchantillonnées sur la grille de la carte (20 m, Landsat 30 m) par splines cubiques. Les pixels sans altitude n'ont pas de passe 2. Sans MNT, la passe 2 n'a pas lieu.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="89"/>
        <source>The red band is averaged over this many pixels of the map for the dark-cloud test. At the default, 12 (LIS on Sentinel-2: 12 pixels of 20 m), the factor is that of the averaging size below on the map&apos;s grid: 240 m, i.e. 12 at 20 m and 8 at 30 m (LIS on Landsat 8). Any other value is used as it is.</source>
        <translation>La bande rouge est moyennée sur ce nombre de pixels de la carte pour le test des nuages sombres. À la valeur par défaut, 12 (LIS sur Sentinel-2 : 12 pixels de 20 m), le facteur est celui de la taille de moyenne ci-dessous sur la grille de la carte : 240 m, soit 12 à 20 m et 8 à 30 m (LIS sur Landsat 8). Toute autre valeur est utilisée telle quelle.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="95"/>
        <source>Averaging size of the dark-cloud test (m)</source>
        <translation>Taille de moyenne du test des nuages sombres (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="95"/>
        <source>The red band is averaged over this size for the dark-cloud test while the resize factor is at its default: 240 m, LIS&apos;s 12 pixels of 20 m on Sentinel-2 and 8 pixels of 30 m on Landsat 8 (the size divided by the pixel size, rounded).</source>
        <translation>La bande rouge est moyennée sur cette taille pour le test des nuages sombres tant que le facteur de réduction garde sa valeur par défaut : 240 m, les 12 pixels de 20 m de LIS sur Sentinel-2 et ses 8 pixels de 30 m sur Landsat 8 (la taille divisée par la taille des pixels, arrondie).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="145"/>
        <source>The 20 m snow map of the Theia Snow collection (0 no snow, 100 snow, 205 cloud) made with the two passes of Let-It-Snow, with your thresholds, on Theia or Sen2Cor products, and at 30 m on Landsat 8 and 9 products (Theia or USGS Collection 2).</source>
        <translation>La carte de neige à 20 m de la collection Theia Neige (0 pas de neige, 100 neige, 205 nuage), faite avec les deux passes de Let-It-Snow, avec vos seuils, sur des produits Theia ou Sen2Cor, et à 30 m sur des produits Landsat 8 et 9 (Theia ou USGS Collection 2).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/waterclouds.py" line="37"/>
        <source>&lt;p&gt;Finds clouds over water as MAJA does since February 2018: a water pixel is cloud when its SWIR reflectance is above the threshold (0.04 in Theia production since February 2018, 0.08 before), or above the sunglint threshold (0.16, 0.25 before) where sunglint is likely. Both tests are strict: a reflectance equal to a threshold is not above it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Water&lt;/b&gt;: from the product (MAJA MG2 bit 0, Sen2Cor SCL class 6) or from a water layer (which replaces the product&apos;s water when given).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sunglint&lt;/b&gt; per pixel (default): the glint angle, between the viewing direction and the specular reflection of the sun, is computed at each pixel from the product&apos;s 5 km sun and viewing angle grids of the SWIR band; sunglint is likely where it is below the sunglint angle (MAJA: 30 degrees). MAJA itself raises one flag for the whole scene, from mean angles: choose the product&apos;s scene flag to do the same.&lt;/p&gt;&lt;p&gt;At 10 m, each pixel is tested with the value of the 20 m SWIR pixel it lies in.&lt;/p&gt;&lt;p&gt;Output: 1 cloud over water, 0 elsewhere, 255 no data; optionally the glint angle in degrees.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 and 9&lt;/b&gt; products are read on their 30 m grid, with B7 for B12 and B6 for B11, water from MG2 (Theia) or QA_PIXEL bit 7 (USGS). Landsat looks at nadir and its products have no viewing angle grids: per pixel, the glint angle is that of the mean sun angles and a vertical view.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Trouve les nuages sur l'eau comme MAJA depuis février 2018 : un pixel d'eau est un nuage quand sa réflectance SWIR dépasse le seuil (0,04 dans la production Theia depuis février 2018, 0,08 auparavant), ou le seuil avec reflet (0,16 ; 0,25 auparavant) là où un reflet du soleil est probable. Les deux tests sont stricts : une réflectance égale à un seuil ne le dépasse pas.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Eau&lt;/b&gt; : du produit (bit 0 du MG2 de MAJA, classe 6 du SCL de Sen2Cor) ou d'une couche d'eau (qui remplace l'eau du produit quand elle est donnée).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reflet du soleil&lt;/b&gt; par pixel (par défaut) : l'angle de reflet, entre la direction de visée et la réflexion spéculaire du soleil, est calculé en chaque pixel d'après les grilles d'angles solaires et de visée à 5 km de la bande SWIR du produit ; un reflet est probable là où il est inférieur à l'angle de reflet (MAJA : 30 degrés). MAJA lui-même lève un seul indicateur pour toute la scène, d'après les angles moyens : choisissez l'indicateur de scène du produit pour faire de même.&lt;/p&gt;&lt;p&gt;À 10 m, chaque pixel est testé avec la valeur du pixel SWIR de 20 m dans lequel il se trouve.&lt;/p&gt;&lt;p&gt;Sortie : 1 nuage sur l'eau, 0 ailleurs, 255 pas de données ; au besoin l'angle de reflet en degrés.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 et 9&lt;/b&gt; : les produits sont lus sur leur grille de 30 m, avec B7 pour B12 et B6 pour B11, l'eau du MG2 (Theia) ou du bit 7 du QA_PIXEL (USGS). Landsat regarde au nadir et ses produits n'ont pas de grilles d'angles de visée : par pixel, l'angle de reflet est celui des angles solaires moyens et d'une visée verticale.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudinputs.py" line="206"/>
        <source>{product} is a Landsat product: it is read on its own {native:g} m grid (the resolution of {resolution:g} m applies to Sentinel-2 products).</source>
        <translation>{product} est un produit Landsat : il est lu sur sa propre grille de {native:g} m (la résolution de {resolution:g} m s'applique aux produits Sentinel-2).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudmask.py" line="168"/>
        <source>{product} has no cloud mask (CLM, MG2, SCL or QA_PIXEL).</source>
        <translation>{product} n'a pas de masque de nuages (CLM, MG2, SCL ou QA_PIXEL).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudmask.py" line="178"/>
        <source>{name} holds {dtype} values, but a Landsat QA_PIXEL is 16-bit (uint16). Is this the right file, or should the kind of mask be another?</source>
        <translation>{name} contient des valeurs {dtype}, mais un QA_PIXEL de Landsat est sur 16 bits (uint16). Est-ce le bon fichier, ou le type de masque doit-il être un autre ?</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product.py" line="172"/>
        <source>{product} is a {mission} product: it has no {stack}, which is not written.</source>
        <translation>{product} est un produit {mission} : il n'a pas de {stack}, qui n'est pas écrite.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product.py" line="183"/>
        <source>{product} has no mask to make {outputs} from (Theia products need CLM, MG2 and EDG, Sen2Cor products SCL, USGS Landsat products QA_PIXEL). Skip those outputs to load the rest.</source>
        <translation>{product} n'a pas de masque d'où tirer « {outputs} » (il faut CLM, MG2 et EDG aux produits Theia, SCL aux produits Sen2Cor, QA_PIXEL aux produits Landsat de l'USGS). Ignorez ces sorties pour charger le reste.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="55"/>
        <source>USGS Landsat Collection 2 Level-2</source>
        <translation>USGS Landsat Collection 2 niveau 2</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="56"/>
        <source>Collection and tier</source>
        <translation>Collection et catégorie</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="68"/>
        <source>DN × {mult:g} {add}, no data {nodata}</source>
        <translation>CN × {mult:g} {add}, pas de données {nodata}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="72"/>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="86"/>
        <source>Path/row</source>
        <translation>Orbite/ligne (path/row)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="88"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="132"/>
        <source>Percent of the valid pixels at {resolution:g} m, from the decoded masks:</source>
        <translation>Pourcentage des pixels valides à {resolution:g} m, d'après les masques décodés :</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/product_report.py" line="144"/>
        <source>Masks at {resolution:g} m</source>
        <translation>Masques à {resolution:g} m</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="606"/>
        <source>{name} is a Landsat map of {size:g} m: brought to the {grid_size:g} m grid of {grid} with nearest neighbour.</source>
        <translation>{name} est une carte Landsat de {size:g} m : ramenée sur la grille de {grid_size:g} m de {grid} au plus proche voisin.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="188"/>
        <source>The averaging size of the dark-cloud test must be above 0 m (it is {value:g}).</source>
        <translation>La taille de moyenne du test des nuages sombres doit être supérieure à 0 m (elle vaut {value:g}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="649"/>
        <source>{name} holds {dtype} values, but a Landsat QA_PIXEL is 16-bit (uint16). Is this the right file, or should the kind of cloud mask be another?</source>
        <translation>{name} contient des valeurs {dtype}, mais un QA_PIXEL de Landsat est sur 16 bits (uint16). Est-ce le bon fichier, ou le type de masque de nuages doit-il être un autre ?</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="269"/>
        <source>{product} has no viewing angle grids: Landsat looks at nadir, so the glint angle of the mean sun angles and a vertical view ({angle:.1f} degrees) is used on every pixel.</source>
        <translation>{product} n'a pas de grilles d'angles de visée : Landsat regarde au nadir, l'angle de reflet des angles solaires moyens et d'une visée verticale ({angle:.1f} degrés) est donc utilisé sur chaque pixel.</translation>
    </message>
    <message>
        <location filename="../plugin/errors.py" line="91"/>
        <source>Could not write a file: no space left on device.</source>
        <translation>Impossible d'écrire un fichier : plus d'espace libre sur le disque.</translation>
    </message>
    <message>
        <location filename="../plugin/errors.py" line="97"/>
        <source>Could not write a file: permission denied (the folder is read-only or belongs to someone else).</source>
        <translation>Impossible d'écrire un fichier : permission refusée (le dossier est en lecture seule ou appartient à quelqu'un d'autre).</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="678"/>
        <source>{product}: {name} ({file}) is not on the product&apos;s {resolution} m grid: it has {grid}, the product {reference}. The product is damaged or was altered: download it again.</source>
        <translation>{product} : {name} ({file}) n'est pas sur la grille de {resolution} m du produit : il a {grid}, le produit {reference}. Le produit est endommagé ou a été modifié : téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="705"/>
        <source>{width} x {height} pixels of {size:g} m from ({x:.0f}, {y:.0f})</source>
        <translation>{width} x {height} pixels de {size:g} m depuis ({x:.0f}, {y:.0f})</translation>
    </message>
    <message>
        <location filename="../plugin/io/products.py" line="988"/>
        <source>{file} gives {value:g} as {name}: reflectance = digital number / {name} cannot be computed with it (it must be a positive number, 10000 in Sentinel-2 products). The metadata is damaged.</source>
        <translation>{file} donne {value:g} comme {name} : la réflectance = compte numérique / {name} ne peut pas être calculée avec cette valeur (il faut un nombre positif, 10000 dans les produits Sentinel-2). Les métadonnées sont endommagées.</translation>
    </message>
    <message>
        <location filename="../plugin/io/raster.py" line="345"/>
        <source>Could not write {file}: {error}</source>
        <translation>Impossible d'écrire {file} : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/io/raster.py" line="412"/>
        <source>{file}: GDAL cannot write a raster as .{extension} block by block. Give a file name ending in .tif (GeoTIFF), or in one of: {extensions}.</source>
        <translation>{file} : GDAL ne sait pas écrire un raster au format .{extension} bloc par bloc. Donnez un nom de fichier se terminant par .tif (GeoTIFF), ou par l'une de ces extensions : {extensions}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/raster.py" line="618"/>
        <source>{file} does not exist.</source>
        <translation>{file} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../plugin/io/raster.py" line="622"/>
        <source>{file} is not a raster that GDAL can read (GDAL: {error}).</source>
        <translation>{file} n'est pas un raster que GDAL sait lire (GDAL : {error}).</translation>
    </message>
    <message>
        <location filename="../plugin/io/raster.py" line="818"/>
        <source>{file} is not a {expected} file, as its name says, but {found}: Névé does not open it (a file that is not what its name says could make GDAL read other files or the network).</source>
        <translation>{file} n'est pas un fichier {expected}, comme son nom l'indique, mais {found} : Névé ne l'ouvre pas (un fichier qui n'est pas ce que dit son nom pourrait faire lire à GDAL d'autres fichiers ou le réseau).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="65"/>
        <source>Automatic: per pixel with angle grids, else the scene flag, else never</source>
        <translation>Automatique : par pixel avec des grilles d'angles, sinon l'indicateur de la scène, sinon jamais</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="87"/>
        <source>Where the higher threshold applies. Per pixel: where the angle between the viewing direction and the specular reflection of the sun is below the sunglint angle, from the product&apos;s sun and viewing angle grids of the SWIR band (MAJA itself does not do this; needs a product with angle grids). The product&apos;s scene flag: MAJA&apos;s SunGlintDetected, or MAJA&apos;s rule on the mean angles when the product has no such flag (Sen2Cor). Always, or never. Automatic (default): per pixel when the product has angle grids, else the scene flag of the product, else (layers without a product) never, with a warning in the log.</source>
        <translation>Où s'applique le seuil le plus élevé. Par pixel : là où l'angle entre la direction de visée et la réflexion spéculaire du soleil est inférieur à l'angle de reflet, d'après les grilles d'angles solaires et de visée de la bande SWIR du produit (MAJA lui-même ne le fait pas ; il faut un produit avec des grilles d'angles). L'indicateur de scène du produit : SunGlintDetected de MAJA, ou la règle de MAJA sur les angles moyens quand le produit n'a pas cet indicateur (Sen2Cor). Toujours, ou jamais. Automatique (par défaut) : par pixel quand le produit a des grilles d'angles, sinon l'indicateur de scène du produit, sinon (des couches sans produit) jamais, avec un avertissement dans le journal.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="124"/>
        <source>Automatic: from the product when there is one, else the numbers below</source>
        <translation>Automatique : du produit quand il y en a un, sinon les nombres ci-dessous</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/clouds.py" line="170"/>
        <source>From the product: each cloud takes the angles of its centre from the product&apos;s 5 km sun and viewing angle grids (viewing angles averaged over the bands), or the product&apos;s mean angles when it has no grids. Or the numbers below, for layers. Automatic (default): the product&apos;s angles when there is a product that has them, else the numbers below, with a warning in the log.</source>
        <translation>Du produit : chaque nuage prend les angles de son centre dans les grilles d'angles solaires et de visée à 5 km du produit (angles de visée moyennés sur les bandes), ou les angles moyens du produit quand il n'a pas de grilles. Ou les nombres ci-dessous, pour des couches. Automatique (par défaut) : les angles du produit quand il y a un produit qui les a, sinon les nombres ci-dessous, avec un avertissement dans le journal.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="114"/>
        <source>0 no snow, 100 snow, 205 cloud, the no-data code where a band has no data or a layer does not reach (uint8).</source>
        <translation>0 pas de neige, 100 neige, 205 nuage, le code d'absence de données là où une bande n'a pas de données ou qu'une couche n'atteint pas (uint8).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/cloudmask.py" line="106"/>
        <source>{name} is a Sen2Cor scene classification (SCL), by its name and its values (0 to 11), not a MAJA cloud mask (CLM) as the kind of mask says: it is read as an SCL.</source>
        <translation>{name} est une classification de scène Sen2Cor (SCL), d'après son nom et ses valeurs (0 à 11), et non un masque de nuages MAJA (CLM) comme le dit le type de masque : il est lu comme une SCL.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/inputs.py" line="88"/>
        <source>{layers} hold reflectances ({low:.2f} to {high:.2f}), not digital numbers: they are read as reflectance (scale 1, not {scale:g}).</source>
        <translation>{layers} contiennent des réflectances ({low:.2f} à {high:.2f}), non des comptes numériques : elles sont lues comme des réflectances (échelle 1, non {scale:g}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/inputs.py" line="92"/>
        <source>{layers} hold reflectances ({low:.2f} to {high:.2f}) but the other layers digital numbers: with the scale {scale:g} their reflectances are ten thousand times too small. Give layers of one kind.</source>
        <translation>{layers} contiennent des réflectances ({low:.2f} à {high:.2f}) mais les autres couches des comptes numériques : avec l'échelle {scale:g}, leurs réflectances sont dix mille fois trop petites. Donnez des couches d'une seule sorte.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/inputs.py" line="129"/>
        <source>{parameter} must be at least {minimum:g} m (it is {value:g} m).</source>
        <translation>{parameter} doit valoir au moins {minimum:g} m (il vaut {value:g} m).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/inputs.py" line="136"/>
        <source>The DEM goes from {low:.0f} to {high:.0f} m: with {parameter} = {value:g} m that is {count:.0f} elevation bands, more than the {limit} allowed. Give {parameter} of at least {needed:g} m, or check the DEM&apos;s no-data value.</source>
        <translation>Le MNT va de {low:.0f} à {high:.0f} m : avec {parameter} = {value:g} m, cela fait {count:.0f} tranches d'altitude, plus que les {limit} permises. Donnez à {parameter} au moins {needed:g} m, ou vérifiez la valeur « pas de données » du MNT.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="508"/>
        <source>{name} has {count} bands: a snow map has one (0 no snow, 1 to 100 snow, 205 cloud, 254 or 255 no data). Is it a snow map?</source>
        <translation>{name} a {count} bandes : une carte de neige n'en a qu'une (0 pas de neige, 1 à 100 neige, 205 nuage, 254 ou 255 pas de données). Est-ce une carte de neige ?</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="540"/>
        <source>{name} holds values that are not snow-map codes ({values}): a snow map holds 0 (no snow), 1 to 100 (snow), 205 (cloud), 254 or 255 (no data). Is it a snow map? (A map resampled with another method than the nearest neighbour has such values too.)</source>
        <translation>{name} contient des valeurs qui ne sont pas des codes de carte de neige ({values}) : une carte de neige contient 0 (pas de neige), 1 à 100 (neige), 205 (nuage), 254 ou 255 (pas de données). Est-ce une carte de neige ? (Une carte rééchantillonnée autrement qu'au plus proche voisin a aussi de telles valeurs.)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/shadows.py" line="142"/>
        <source>No sun and viewing angles from a product ({product}): the shadows are searched with the angles given as numbers (sun zenith {sun_zenith:g}, azimuth {sun_azimuth:g} degrees; view zenith {view_zenith:g}, azimuth {view_azimuth:g} degrees). Give the scene&apos;s angles.</source>
        <translation>Pas d'angles solaires ni de visée d'un produit ({product}) : les ombres sont cherchées avec les angles donnés sous forme de nombres (zénith solaire {sun_zenith:g}, azimut {sun_azimuth:g} degrés ; zénith de visée {view_zenith:g}, azimut {view_azimuth:g} degrés). Donnez les angles de la scène.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="510"/>
        <source>{name} is a Sen2Cor scene classification (SCL), by its name and its values (0 to 11), not a MAJA cloud mask (CLM) as the kind of cloud mask says: it is read as an SCL.</source>
        <translation>{name} est une classification de scène Sen2Cor (SCL), d'après son nom et ses valeurs (0 à 11), et non un masque de nuages MAJA (CLM) comme le dit le type de masque de nuages : il est lu comme une SCL.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="563"/>
        <source>{layer} ({name}) does not cover {percent:.1f} % of the scene: the map has no data there.</source>
        <translation>{layer} ({name}) ne couvre pas {percent:.1f} % de la scène : la carte n'y a pas de données.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="304"/>
        <source>Sunglint: per pixel, from the product&apos;s angle grids.</source>
        <translation>Reflet du soleil : par pixel, d'après les grilles d'angles du produit.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/waterclouds.py" line="314"/>
        <source>No sun and viewing angles tell where sunglint is likely ({product}): the threshold without sunglint is used on all water. Choose &quot;Always&quot; for sunglint if the water is glinting.</source>
        <translation>Aucun angle solaire ni de visée ne dit où le reflet du soleil est probable ({product}) : le seuil sans reflet est appliqué à toute l'eau. Choisissez « Toujours » pour le reflet du soleil si l'eau brille.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="249"/>
        <source>{parameter}: {problem}</source>
        <translation>{parameter} : {problem}</translation>
    </message>
    <message>
        <location filename="../plugin/cli.py" line="81"/>
        <source>{value} is not an extent (xmin,xmax,ymin,ymax, optionally followed by [EPSG:code])</source>
        <translation>{value} n'est pas une emprise (xmin,xmax,ymin,ymax, suivi éventuellement de [EPSG:code])</translation>
    </message>
    <message>
        <location filename="../plugin/io/vectors.py" line="94"/>
        <source>Could not read the zones {file}.</source>
        <translation>Impossible de lire les zones {file}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/vectors.py" line="98"/>
        <source>The zones {file} have no field {field}; their fields are: {fields}.</source>
        <translation>Les zones {file} n'ont pas de champ {field} ; leurs champs sont : {fields}.</translation>
    </message>
    <message>
        <location filename="../plugin/io/vectors.py" line="112"/>
        <source>The zones {file} hold {kind} geometries: zones are polygons (basins, areas).</source>
        <translation>Les zones {file} contiennent des géométries {kind} : les zones sont des polygones (bassins, secteurs).</translation>
    </message>
    <message>
        <location filename="../plugin/io/vectors.py" line="128"/>
        <source>The zones {file} hold no polygon.</source>
        <translation>Les zones {file} ne contiennent aucun polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/io/vectors.py" line="207"/>
        <source>Could not burn the zones onto the grid.</source>
        <translation>Impossible de rastériser les zones sur la grille.</translation>
    </message>
    <message>
        <location filename="../plugin/io/vectors.py" line="355"/>
        <source>Could not write the features of {layer}.</source>
        <translation>Impossible d'écrire les entités de {layer}.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Zones for snow statistics</source>
        <translation>Zones des statistiques de neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>Optional polygons (watersheds, any CRS): with them, neve:snowstats counts every map of the run (of the season when one is given) over these zones, across tiles, into statistics/ of the output folder (table, zones, report), once the maps are made; skipped when nothing changed.</source>
        <translation>Polygones facultatifs (bassins versants, tout SCR) : avec eux, neve:snowstats compte toutes les cartes du lancement (de la saison quand elle est donnée) sur ces zones, à travers les tuiles, dans statistics/ du dossier de sortie (table, zones, rapport), une fois les cartes faites ; sauté quand rien n'a changé.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="32"/>
        <source>Zone name field</source>
        <translation>Champ du nom des zones</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="29"/>
        <source>The field naming the zones (empty: each feature is a zone named by its feature id).</source>
        <translation>Le champ qui nomme les zones (vide : chaque entité est une zone nommée par son identifiant).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="59"/>
        <source>Snow statistics</source>
        <translation>Statistiques de neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowarchive.py" line="95"/>
        <source>&lt;p&gt;Runs &lt;i&gt;neve:snowmap&lt;/i&gt; on every product of a folder (optionally after &lt;i&gt;neve:refinecloudmask&lt;/i&gt; with a preset), then &lt;i&gt;neve:snowseason&lt;/i&gt; on each tile&apos;s maps, as tasks of a Dask cluster: the worker processes of this computer, or the workers of a running scheduler (PBS or Slurm through dask-jobqueue, Kubernetes). The maps are the same files as single runs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output folder&lt;/b&gt;: &lt;tt&gt;&amp;lt;tile&amp;gt;/&amp;lt;YYYYMMDD&amp;gt;_&amp;lt;satellite&amp;gt;_SNW.tif&lt;/tt&gt;, &lt;tt&gt;&amp;lt;tile&amp;gt;/season_&amp;lt;start&amp;gt;_&amp;lt;stop&amp;gt;/&lt;/tt&gt; and &lt;tt&gt;manifest.json&lt;/tt&gt; (status done, skipped or failed of every product, the error of a failure, the worker, seconds, snow and cloud percentages, snowline, output files with their sizes and SHA-256).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Resumable&lt;/b&gt;: run it again into the same folder and finished products are skipped. A product that fails is tried again, then recorded as failed while the others go on; a task whose worker stops is rerun on another; no output is ever half-written.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Statistics&lt;/b&gt;: with zones, &lt;i&gt;neve:snowstats&lt;/i&gt; counts every map of the run (of the season when one is given) over them, across tiles, into &lt;tt&gt;statistics/&lt;/tt&gt;: &lt;tt&gt;snow_statistics.gpkg&lt;/tt&gt;, &lt;tt&gt;zones.gpkg&lt;/tt&gt;, &lt;tt&gt;snow_statistics.html&lt;/tt&gt;.&lt;/p&gt;&lt;p&gt;Needs the Python packages dask and distributed (&lt;tt&gt;pip install &quot;dask[distributed]&quot;&lt;/tt&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lance &lt;i&gt;neve:snowmap&lt;/i&gt; sur chaque produit d'un dossier (après &lt;i&gt;neve:refinecloudmask&lt;/i&gt; avec un préréglage si demandé), puis &lt;i&gt;neve:snowseason&lt;/i&gt; sur les cartes de chaque tuile, comme tâches d'une grappe Dask : les processus workers de cet ordinateur, ou les workers d'un ordonnanceur en marche (PBS ou Slurm via dask-jobqueue, Kubernetes). Les cartes sont les mêmes fichiers qu'en lancements isolés.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Dossier de sortie&lt;/b&gt; : &lt;tt&gt;&amp;lt;tuile&amp;gt;/&amp;lt;AAAAMMJJ&amp;gt;_&amp;lt;satellite&amp;gt;_SNW.tif&lt;/tt&gt;, &lt;tt&gt;&amp;lt;tuile&amp;gt;/season_&amp;lt;début&amp;gt;_&amp;lt;fin&amp;gt;/&lt;/tt&gt; et &lt;tt&gt;manifest.json&lt;/tt&gt; (état done, skipped ou failed de chaque produit, l'erreur d'un échec, le worker, les secondes, les pourcentages de neige et de nuages, la limite d'enneigement, les fichiers de sortie avec leur taille et leur SHA-256).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reprenable&lt;/b&gt; : relancez-le dans le même dossier et les produits terminés sont sautés. Un produit qui échoue est réessayé, puis noté en échec pendant que les autres continuent ; une tâche dont le worker s'arrête est relancée sur un autre ; aucune sortie n'est jamais à moitié écrite.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Statistiques&lt;/b&gt; : avec des zones, &lt;i&gt;neve:snowstats&lt;/i&gt; compte toutes les cartes du lancement (de la saison quand elle est donnée) sur ces zones, à travers les tuiles, dans &lt;tt&gt;statistics/&lt;/tt&gt; : &lt;tt&gt;snow_statistics.gpkg&lt;/tt&gt;, &lt;tt&gt;zones.gpkg&lt;/tt&gt;, &lt;tt&gt;snow_statistics.html&lt;/tt&gt;.&lt;/p&gt;&lt;p&gt;Nécessite les paquets Python dask et distributed (&lt;tt&gt;pip install &quot;dask[distributed]&quot;&lt;/tt&gt;).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="58"/>
        <source>Target grid (maps of several tiles and CRSs)</source>
        <translation>Grille cible (cartes de plusieurs tuiles et SCR)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="58"/>
        <source>Optional raster in any coordinate reference system whose grid the outputs take, to make one season mosaic of maps of several tiles and CRSs: every map is put on it with nearest neighbour and maps of the same day are merged (a clear observation first, then the map listed first). Or give the target CRS, pixel size and extent below instead.</source>
        <translation>Raster facultatif, dans n'importe quel système de coordonnées de référence, dont les sorties prennent la grille, pour faire une seule mosaïque de la saison à partir de cartes de plusieurs tuiles et SCR : chaque carte y est mise au plus proche voisin et les cartes d'un même jour sont fusionnées (une observation claire d'abord, puis la carte donnée en premier). Ou donnez plutôt le SCR, la taille de pixel et l'emprise cibles ci-dessous.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="64"/>
        <source>Target CRS</source>
        <translation>SCR cible</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="64"/>
        <source>Optional: the coordinate reference system of the target grid, when it is not given as a raster (with the pixel size and the extent).</source>
        <translation>Facultatif : le système de coordonnées de référence de la grille cible, quand elle n'est pas donnée par un raster (avec la taille de pixel et l'emprise).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="67"/>
        <source>Target pixel size</source>
        <translation>Taille de pixel cible</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="67"/>
        <source>Optional: the pixel size of the target grid, in the units of the target CRS. Empty: the finest pixel of the maps (in a CRS of the same units).</source>
        <translation>Facultatif : la taille de pixel de la grille cible, dans les unités du SCR cible. Vide : le pixel le plus fin des cartes (dans un SCR de mêmes unités).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="70"/>
        <source>Target extent</source>
        <translation>Emprise cible</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="70"/>
        <source>Optional: the extent of the target grid. Empty: the extent of all the maps.</source>
        <translation>Facultatif : l'emprise de la grille cible. Vide : l'emprise de toutes les cartes.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="134"/>
        <source>&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt; (uint16, tiled and compressed GeoTIFF): &lt;b&gt;SCD&lt;/b&gt; number of snow days in the period; &lt;b&gt;SOD&lt;/b&gt; and &lt;b&gt;SMOD&lt;/b&gt; first and last day of the longest run of snow days (the first run when two are equally long), in days since the start date (the start date is day 0), both 0 when SCD is 10 days or fewer (LIS); &lt;b&gt;NOBS&lt;/b&gt; number of clear observations, the margin dates included as in LIS; &lt;b&gt;NSP&lt;/b&gt; number of snow onsets (a snow day after a day without snow) in the period.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Daily snow&lt;/b&gt; (optional): one band per day of the period, named by its date (YYYY-MM-DD): 1 snow, 0 no snow, 255 pixel never clear. 365 bands for a year: large.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Grid&lt;/b&gt;: that of the reference grid, else of the first map. Maps on another grid in the same coordinate reference system are aligned to it with nearest neighbour (the log says so); a map in another CRS must be reprojected first (Raster, Projections, Warp). With a &lt;b&gt;target grid&lt;/b&gt; (a raster, or a CRS with a pixel size and an extent), maps of any tiles and CRSs make one mosaic: each is put on the target grid with nearest neighbour, maps of the same day merged.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Report&lt;/b&gt; (HTML): the snow-covered area through the season, observed on each date (snow fraction of the clear pixels) and interpolated for each day (snow fraction of the pixels with at least one clear observation), the maps and their dates; with a DEM, the mean snow days per elevation band.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Many products&lt;/b&gt;: run &lt;i&gt;Snow map&lt;/i&gt; in batch mode (one row per product, or &lt;i&gt;Autofill&lt;/i&gt; from a folder), then give its outputs here (&lt;i&gt;Add File(s)&lt;/i&gt; or &lt;i&gt;Add Directory&lt;/i&gt; in the list of snow maps). In a model, connect a &lt;i&gt;Multiple layers&lt;/i&gt; input and the outputs of &lt;i&gt;Snow map&lt;/i&gt; steps to the snow maps. From Python, run neve:snowmap in a loop and pass the list of its outputs to INPUTS.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; (GeoTIFF uint16 tuilé et compressé) : &lt;b&gt;SCD&lt;/b&gt; nombre de jours de neige dans la période ; &lt;b&gt;SOD&lt;/b&gt; et &lt;b&gt;SMOD&lt;/b&gt; premier et dernier jour de la plus longue suite de jours de neige (la première quand deux sont aussi longues), en jours depuis la date de début (la date de début est le jour 0), toutes deux à 0 quand SCD vaut 10 jours ou moins (LIS) ; &lt;b&gt;NOBS&lt;/b&gt; nombre d'observations claires, dates de la marge comprises comme dans LIS ; &lt;b&gt;NSP&lt;/b&gt; nombre d'arrivées de la neige (un jour de neige après un jour sans neige) dans la période.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Neige au jour le jour&lt;/b&gt; (facultative) : une bande par jour de la période, nommée par sa date (AAAA-MM-JJ) : 1 neige, 0 pas de neige, 255 pixel jamais clair. 365 bandes pour une année : volumineux.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Grille&lt;/b&gt; : celle de la grille de référence, sinon celle de la première carte. Les cartes sur une autre grille dans le même système de coordonnées de référence y sont alignées au plus proche voisin (le journal le signale) ; une carte dans un autre SCR doit d'abord être reprojetée (Raster, Projections, Projection (warp)). Avec une &lt;b&gt;grille cible&lt;/b&gt; (un raster, ou un SCR avec une taille de pixel et une emprise), des cartes de toutes tuiles et SCR forment une seule mosaïque : chacune est mise sur la grille cible au plus proche voisin, les cartes d'un même jour fusionnées.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Rapport&lt;/b&gt; (HTML) : la surface enneigée au fil de la saison, observée à chaque date (fraction de neige des pixels clairs) et interpolée pour chaque jour (fraction de neige des pixels ayant au moins une observation claire), les cartes et leurs dates ; avec un MNT, le nombre moyen de jours de neige par tranche d'altitude.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Nombreux produits&lt;/b&gt; : lancez &lt;i&gt;Carte de neige&lt;/i&gt; en mode de traitement par lot (une ligne par produit, ou &lt;i&gt;Remplissage automatique&lt;/i&gt; depuis un dossier), puis donnez ses sorties ici (boutons d'ajout de fichiers ou de répertoire de la liste des cartes de neige). Dans un modèle, reliez une entrée &lt;i&gt;Couches multiples&lt;/i&gt; et les sorties des étapes &lt;i&gt;Carte de neige&lt;/i&gt; aux cartes de neige. En Python, lancez neve:snowmap dans une boucle et passez la liste de ses sorties à INPUTS.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="12"/>
        <source>4 classes: N, E, S, W</source>
        <translation>4 classes : N, E, S, O</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="12"/>
        <source>8 classes: N, NE, E, SE, S, SW, W, NW</source>
        <translation>8 classes : N, NE, E, SE, S, SO, O, NO</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="19"/>
        <source>Snow maps of any dates, tiles and coordinate reference systems: outputs of neve:snowmap, Theia Snow SNW maps or fractional snow cover maps (0 no snow, 1 to 100 snow, 205 cloud, 254 or 255 no data). Their dates are read as neve:snowseason reads them.</source>
        <translation>Cartes de neige de toutes dates, tuiles et systèmes de coordonnées de référence : sorties de neve:snowmap, cartes SNW de Theia Neige ou cartes de couverture fractionnaire (0 pas de neige, 1 à 100 neige, 205 nuage, 254 ou 255 pas de données). Leurs dates sont lues comme neve:snowseason les lit.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="28"/>
        <source>Zones (polygons)</source>
        <translation>Zones (polygones)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="28"/>
        <source>Optional polygons to count in, such as watersheds, in any coordinate reference system (transformed to each map&apos;s). Zones may overlap (a basin and its sub-basins): each is counted whole. Without zones, the whole extent of the maps is one zone.</source>
        <translation>Polygones facultatifs dans lesquels compter, par exemple des bassins versants, dans n'importe quel système de coordonnées de référence (transformés dans celui de chaque carte). Les zones peuvent se chevaucher (un bassin et ses sous-bassins) : chacune est comptée entière. Sans zones, toute l'emprise des cartes forme une seule zone.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="32"/>
        <source>The field naming the zones; features with the same value make one zone. Empty: each feature is a zone named by its feature id.</source>
        <translation>Le champ qui nomme les zones ; les entités de même valeur forment une seule zone. Vide : chaque entité est une zone nommée par son identifiant.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="35"/>
        <source>Optional: elevations in metres, any CRS and resolution (resampled bilinearly onto each map&apos;s grid). Needed for the elevation bands, the aspect classes and the regional snowline.</source>
        <translation>Facultatif : altitudes en mètres, dans n'importe quel SCR et à n'importe quelle résolution (rééchantillonnées en bilinéaire sur la grille de chaque carte). Nécessaire pour les tranches d'altitude, les classes d'exposition et la limite d'enneigement régionale.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="39"/>
        <source>Height of the elevation bands, in metres: band k holds k x height &lt;= z &lt; (k + 1) x height. Default 100 m, the band of LIS&apos;s snowline histogram.</source>
        <translation>Hauteur des tranches d'altitude, en mètres : la tranche k contient k x hauteur &lt;= z &lt; (k + 1) x hauteur. Par défaut 100 m, la tranche de l'histogramme de la limite d'enneigement de LIS.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="35"/>
        <source>Aspect classes</source>
        <translation>Classes d'exposition</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="43"/>
        <source>Split the counts by the direction slopes face, from the DEM (grid north, clockwise): none, 4 classes (90 degree sectors centred on N, E, S, W) or 8 classes (45 degree sectors). Slopes under 1 degree are flat.</source>
        <translation>Répartir les comptes selon l'orientation des pentes, calculée sur le MNT (nord de la grille, sens horaire) : aucune, 4 classes (secteurs de 90 degrés centrés sur N, E, S, O) ou 8 classes (secteurs de 45 degrés). Les pentes de moins de 1 degré sont plates.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="48"/>
        <source>Clear share of a reliable date</source>
        <translation>Part claire d'une date fiable</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="48"/>
        <source>A zone on a date whose clear share (snow and no snow, of its whole area) is below this fraction (0 to 1) is flagged unreliable: its snow-covered area says little. Default 0.5.</source>
        <translation>Une zone à une date dont la part claire (neige et pas de neige, de toute sa surface) est sous cette fraction (0 à 1) est marquée non fiable : sa surface enneigée dit peu de chose. Par défaut 0,5.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="52"/>
        <source>Regional snowline step (m)</source>
        <translation>Pas de la limite d'enneigement régionale (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="52"/>
        <source>The regional snowline is searched among elevations this many metres apart (inside each elevation band). Default 10 m.</source>
        <translation>La limite d'enneigement régionale est cherchée parmi des altitudes espacées d'autant de mètres (dans chaque tranche d'altitude). Par défaut 10 m.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="56"/>
        <source>Zone of the site series</source>
        <translation>Zone de la série du site</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="56"/>
        <source>The name of the zone whose dated maps the report shows side by side. Empty: the first zone.</source>
        <translation>Le nom de la zone dont le rapport montre les cartes datées côte à côte. Vide : la première zone.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="59"/>
        <source>A table (GeoPackage, or CSV when the name ends in .csv): one row per zone, date, elevation band and aspect (&quot;all&quot; for all of them), with the areas in km2 of snow, no snow, cloud and no data, snow % of the clear area, clear share, reliability, the cloud-corrected estimate, and on the rows of whole zones the regional snowline and its share of misclassified pixels.</source>
        <translation>Une table (GeoPackage, ou CSV quand le nom finit par .csv) : une ligne par zone, date, tranche d'altitude et exposition (« all » pour toutes), avec les surfaces en km2 de neige, de pas de neige, de nuage et sans données, le % de neige de la surface claire, la part claire, la fiabilité, l'estimation corrigée des nuages, et sur les lignes des zones entières la limite d'enneigement régionale et sa part de pixels mal classés.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="65"/>
        <source>Zones with their statistics</source>
        <translation>Zones et leurs statistiques</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="65"/>
        <source>The zones (GeoPackage) with their last date&apos;s values and their means over the reliable dates.</source>
        <translation>Les zones (GeoPackage) avec les valeurs de leur dernière date et leurs moyennes sur les dates fiables.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="68"/>
        <source>An HTML page: per zone, the snow-covered area through time by elevation band with the cloud-corrected estimate and the cloudy dates marked, the regional snowline through time; the site series of one zone.</source>
        <translation>Une page HTML : par zone, la surface enneigée au fil du temps par tranche d'altitude avec l'estimation corrigée des nuages et les dates nuageuses marquées, la limite d'enneigement régionale au fil du temps ; la série du site d'une zone.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="74"/>
        <source>Number of maps counted</source>
        <translation>Nombre de cartes comptées</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="74"/>
        <source>Number of dates</source>
        <translation>Nombre de dates</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="74"/>
        <source>Number of zones</source>
        <translation>Nombre de zones</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="102"/>
        <source>Snow statistics by zone and elevation</source>
        <translation>Statistiques de neige par zone et altitude</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="79"/>
        <source>Snow-covered area per zone, date, elevation band and aspect, the regional snowline and a cloud-corrected estimate, from snow maps of any tiles and CRSs.</source>
        <translation>Surface enneigée par zone, date, tranche d'altitude et exposition, la limite d'enneigement régionale et une estimation corrigée des nuages, à partir de cartes de neige de toutes tuiles et SCR.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowstats.py" line="88"/>
        <source>&lt;p&gt;Counts snow maps over zones (watersheds, areas) and time: how much of each zone is snow-covered on each date, in each elevation band and on each aspect, and the regional snowline.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Snow maps&lt;/b&gt;: outputs of &lt;i&gt;Snow map&lt;/i&gt; (neve:snowmap), Theia Snow maps or fractional snow cover maps, of any tiles and coordinate reference systems. Codes: 0 no snow, 1 to 100 snow (a fractional cover counts as its fraction of the pixel), 205 cloud, anything else no data. Dates as in &lt;i&gt;Snow season synthesis&lt;/i&gt;: the Dates parameter, the ACQUISITION_DATE tag, the file or folder name.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Areas&lt;/b&gt; come from each map's own grid; zones are transformed to each map's CRS; a pixel belongs to a zone when its centre is inside. Where maps of one date overlap (two tiles, two UTM zones), each ground pixel counts once: a clear observation wins over cloud, cloud over no data, then the map listed first.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cloud-corrected snow cover&lt;/b&gt; (an estimate, not an observation): the snow fraction of the clear area of each elevation band applied to the band's clear and cloudy area, summed over the bands; a band without any clear pixel takes the fraction of the nearest band. Without a DEM, the whole zone is one band.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Regional snowline&lt;/b&gt; (Krajčí, Holko &amp;amp; Parajka 2014): the elevation that minimises the number of snow pixels below it plus snow-free pixels above it, over the clear pixels of the zone; its uncertainty is the share of clear pixels it misclassifies (0: one line separates snow from no snow perfectly). It is not the LIS snowline of &lt;i&gt;Snow map&lt;/i&gt;, which starts pass 2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: a table (GeoPackage or CSV), the zones with their last date's values and season means, and an HTML report with charts per zone and a site series.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Compte des cartes de neige sur des zones (bassins versants, secteurs) et dans le temps : quelle part de chaque zone est enneigée à chaque date, dans chaque tranche d'altitude et sur chaque exposition, et la limite d'enneigement régionale.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cartes de neige&lt;/b&gt; : sorties de &lt;i&gt;Carte de neige&lt;/i&gt; (neve:snowmap), cartes de Theia Neige ou cartes de couverture fractionnaire, de toutes tuiles et de tous systèmes de coordonnées de référence. Codes : 0 pas de neige, 1 à 100 neige (une couverture fractionnaire compte pour sa fraction du pixel), 205 nuage, toute autre valeur pas de données. Dates comme dans &lt;i&gt;Synthèse de la saison de neige&lt;/i&gt; : le paramètre Dates, l'étiquette ACQUISITION_DATE, le nom du fichier ou du dossier.&lt;/p&gt;&lt;p&gt;Les &lt;b&gt;surfaces&lt;/b&gt; viennent de la grille propre à chaque carte ; les zones sont transformées dans le SCR de chaque carte ; un pixel appartient à une zone quand son centre y est. Là où des cartes d'une même date se chevauchent (deux tuiles, deux zones UTM), chaque pixel au sol compte une fois : une observation claire l'emporte sur un nuage, un nuage sur l'absence de données, puis la carte donnée en premier.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Couverture de neige corrigée des nuages&lt;/b&gt; (une estimation, pas une observation) : la fraction de neige de la surface claire de chaque tranche d'altitude appliquée à la surface claire et nuageuse de la tranche, sommée sur les tranches ; une tranche sans aucun pixel clair prend la fraction de la tranche la plus proche. Sans MNT, toute la zone forme une seule tranche.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Limite d'enneigement régionale&lt;/b&gt; (Krajčí, Holko et Parajka 2014) : l'altitude qui minimise le nombre de pixels de neige sous elle plus les pixels sans neige au-dessus, sur les pixels clairs de la zone ; son incertitude est la part des pixels clairs qu'elle classe mal (0 : une seule ligne sépare parfaitement la neige de l'absence de neige). Ce n'est pas la limite d'enneigement de LIS de &lt;i&gt;Carte de neige&lt;/i&gt;, qui déclenche la passe 2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; : une table (GeoPackage ou CSV), les zones avec les valeurs de leur dernière date et leurs moyennes de la saison, et un rapport HTML avec des graphiques par zone et une série du site.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="784"/>
        <source>No snow map was made for the statistics.</source>
        <translation>Aucune carte de neige n'a été faite pour les statistiques.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="800"/>
        <source>The statistics failed: {error}</source>
        <translation>Les statistiques ont échoué : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/archive.py" line="808"/>
        <source>Statistics of {maps} maps over {zones} zones: {path}</source>
        <translation>Statistiques de {maps} cartes sur {zones} zones : {path}</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="51"/>
        <source>polygons (watersheds): neve:snowstats counts every map of the run over them into statistics/ of the output folder</source>
        <translation>polygones (bassins versants) : neve:snowstats y compte toutes les cartes du lancement, dans statistics/ du dossier de sortie</translation>
    </message>
    <message>
        <location filename="../plugin/archive_cli.py" line="54"/>
        <source>the field naming the zones</source>
        <translation>le champ qui nomme les zones</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/charts.py" line="32"/>
        <source>On Debian or Ubuntu install python3-matplotlib; on Windows open the OSGeo4W Shell and run: python -m pip install matplotlib.</source>
        <translation>Sous Debian ou Ubuntu installez python3-matplotlib ; sous Windows ouvrez l'OSGeo4W Shell et lancez : python -m pip install matplotlib.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/charts.py" line="38"/>
        <source>The report has no charts: they are drawn by the Python package matplotlib, which cannot be imported.</source>
        <translation>Le rapport n'a pas de graphiques : ils sont dessinés par le paquet Python matplotlib, qui ne peut pas être importé.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/charts.py" line="44"/>
        <source>(Chart not drawn: it needs the Python package matplotlib.)</source>
        <translation>(Graphique non dessiné : il a besoin du paquet Python matplotlib.)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="438"/>
        <source>Give a reference grid or a target grid, not both: the target grid takes maps of any CRS.</source>
        <translation>Donnez une grille de référence ou une grille cible, pas les deux : la grille cible accepte des cartes de tout SCR.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="442"/>
        <source>The target grid is a raster, or a CRS with a pixel size and an extent: give one or the other.</source>
        <translation>La grille cible est un raster, ou un SCR avec une taille de pixel et une emprise : donnez l'un ou l'autre.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="461"/>
        <source>{crs} is not a coordinate reference system: {detail}</source>
        <translation>{crs} n'est pas un système de coordonnées de référence : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="479"/>
        <source>Give the pixel size of the target grid: no map is in a CRS of the units of {crs}.</source>
        <translation>Donnez la taille de pixel de la grille cible : aucune carte n'est dans un SCR des unités de {crs}.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="486"/>
        <source>The target grid would be {width} x {height} pixels: give a larger pixel size or a smaller extent.</source>
        <translation>La grille cible ferait {width} x {height} pixels : donnez une taille de pixel plus grande ou une emprise plus petite.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="489"/>
        <source>target grid</source>
        <translation>grille cible</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/season.py" line="599"/>
        <source>{count} maps put on the target grid ({crs}) with nearest neighbour.</source>
        <translation>{count} cartes mises sur la grille cible ({crs}) au plus proche voisin.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="144"/>
        <source>No snow map: give the snow maps to count.</source>
        <translation>Aucune carte de neige : donnez les cartes de neige à compter.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="148"/>
        <source>{value} is not a choice of aspect classes ({choices}).</source>
        <translation>{value} n'est pas un choix de classes d'exposition ({choices}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="151"/>
        <source>Aspect classes are computed from the DEM: give a DEM, or choose no aspect classes.</source>
        <translation>Les classes d'exposition sont calculées sur le MNT : donnez un MNT, ou ne choisissez aucune classe d'exposition.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="155"/>
        <source>{parameter} must be above 0 (it is {value}).</source>
        <translation>{parameter} doit être supérieur à 0 (il vaut {value}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="163"/>
        <source>The zones are written as a GeoPackage: give a file name ending in .gpkg (not {path}).</source>
        <translation>Les zones sont écrites en GeoPackage : donnez un nom de fichier finissant par .gpkg (pas {path}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="273"/>
        <source>{name} has no coordinate reference system: its areas and zones cannot be placed.</source>
        <translation>{name} n'a pas de système de coordonnées de référence : ses surfaces et ses zones ne peuvent pas être placées.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="379"/>
        <source>The zones {file} have no coordinate reference system: they cannot be placed on the maps.</source>
        <translation>Les zones {file} n'ont pas de système de coordonnées de référence : elles ne peuvent pas être placées sur les cartes.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_site.py" line="41"/>
        <source>whole extent</source>
        <translation>emprise entière</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="397"/>
        <source>No map covers the zones: the statistics are empty.</source>
        <translation>Aucune carte ne couvre les zones : les statistiques sont vides.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="426"/>
        <source>{date}: {name} (date: {source}; {crs}, pixels of {size:g}).</source>
        <translation>{date} : {name} (date : {source} ; {crs}, pixels de {size:g}).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats.py" line="429"/>
        <source>{maps} maps, {dates} dates, {grids} grids; {zones} zones in {groups} layers of zones that do not overlap.</source>
        <translation>{maps} cartes, {dates} dates, {grids} grilles ; {zones} zones en {groups} couches de zones qui ne se chevauchent pas.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="27"/>
        <source>4 classes (N, E, S, W)</source>
        <translation>4 classes (N, E, S, O)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="27"/>
        <source>8 classes (N, NE, ..., NW)</source>
        <translation>8 classes (N, NE, ..., NO)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="30"/>
        <source>Maps counted</source>
        <translation>Cartes comptées</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="31"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="32"/>
        <source>Grids (tiles and CRSs)</source>
        <translation>Grilles (tuiles et SCR)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="33"/>
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="34"/>
        <source>Elevation bands (m)</source>
        <translation>Tranches d'altitude (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="37"/>
        <source>no DEM</source>
        <translation>pas de MNT</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="36"/>
        <source>Reliable when the clear share is at least</source>
        <translation>Fiable quand la part claire est au moins de</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="37"/>
        <source>Regional snowline searched every (m)</source>
        <translation>Limite d'enneigement régionale cherchée tous les (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="40"/>
        <source>Definitions</source>
        <translation>Définitions</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="40"/>
        <source>Areas in km2 come from each map&apos;s own grid. Where maps of one date overlap, each ground pixel counts once: a clear observation wins over cloud, cloud over no data, then the map listed first. Snow-covered area: snow pixels, a fractional snow cover counting as its fraction of the pixel. Snow %: of the clear area (snow and no snow). A zone and date is reliable when its clear share is at least {min_clear:g}.</source>
        <translation>Les surfaces en km2 viennent de la grille propre à chaque carte. Là où des cartes d'une même date se chevauchent, chaque pixel au sol compte une fois : une observation claire l'emporte sur un nuage, un nuage sur l'absence de données, puis la carte donnée en premier. Surface enneigée : les pixels de neige, une couverture fractionnaire comptant pour sa fraction du pixel. % de neige : de la surface claire (neige et pas de neige). Une zone à une date est fiable quand sa part claire est au moins de {min_clear:g}.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="46"/>
        <source>Cloud-corrected snow cover (an estimate): the snow fraction of the clear area of each elevation band applied to the band's clear and cloudy area, summed over the bands; a band without any clear pixel takes the fraction of the nearest band. Regional snowline (Krajčí, Holko &amp; Parajka 2014): the elevation that minimises the snow pixels below it plus the snow-free pixels above it, over the clear pixels of the zone; its uncertainty is the share of clear pixels it misclassifies.</source>
        <translation>Couverture de neige corrigée des nuages (une estimation) : la fraction de neige de la surface claire de chaque tranche d'altitude appliquée à la surface claire et nuageuse de la tranche, sommée sur les tranches ; une tranche sans aucun pixel clair prend la fraction de la tranche la plus proche. Limite d'enneigement régionale (Krajčí, Holko et Parajka 2014) : l'altitude qui minimise les pixels de neige sous elle plus les pixels sans neige au-dessus, sur les pixels clairs de la zone ; son incertitude est la part des pixels clairs qu'elle classe mal.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="54"/>
        <source>Site series: {zone}</source>
        <translation>Série du site : {zone}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="59"/>
        <source>Snow-covered area by elevation band</source>
        <translation>Surface enneigée par tranche d'altitude</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="67"/>
        <source>Zone {zone}</source>
        <translation>Zone {zone}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="225"/>
        <source>No map covers this zone.</source>
        <translation>Aucune carte ne couvre cette zone.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="72"/>
        <source>{dates} dates, {reliable} reliable. Means over the reliable dates: snow-covered area {snow} km2, snow {percent} % of the clear area, estimate {estimate} km2, regional snowline {line} m.</source>
        <translation>{dates} dates, {reliable} fiables. Moyennes sur les dates fiables : surface enneigée {snow} km2, neige {percent} % de la surface claire, estimation {estimate} km2, limite d'enneigement régionale {line} m.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="82"/>
        <source>Charts are drawn for the first {count} zones only.</source>
        <translation>Les graphiques ne sont dessinés que pour les {count} premières zones.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="84"/>
        <source>Snow (km2)</source>
        <translation>Neige (km2)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="84"/>
        <source>Estimate (km2)</source>
        <translation>Estimation (km2)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="84"/>
        <source>Snowline (m)</source>
        <translation>Limite d'enneigement (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="84"/>
        <source>Misclassified (%)</source>
        <translation>Mal classés (%)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="84"/>
        <source>Reliable</source>
        <translation>Fiable</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="94"/>
        <source>CRS</source>
        <translation>SCR</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="94"/>
        <source>Pixel size</source>
        <translation>Taille de pixel</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="94"/>
        <source>Counted</source>
        <translation>Comptée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="140"/>
        <source>Colours of the elevation bands</source>
        <translation>Couleurs des tranches d'altitude</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="167"/>
        <source>Cloud-corrected estimate</source>
        <translation>Estimation corrigée des nuages</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="171"/>
        <source>Cloudy date (clear share below {min:g})</source>
        <translation>Date nuageuse (part claire sous {min:g})</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="173"/>
        <source>Snow-covered area (km2)</source>
        <translation>Surface enneigée (km2)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="183"/>
        <source>Reliable date</source>
        <translation>Date fiable</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="186"/>
        <source>Cloudy date</source>
        <translation>Date nuageuse</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="188"/>
        <source>Regional snowline (m)</source>
        <translation>Limite d'enneigement régionale (m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="197"/>
        <source>Snow-covered area and regional snowline of {zone}</source>
        <translation>Surface enneigée et limite d'enneigement régionale de {zone}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_report.py" line="245"/>
        <source>Site series of {zone}</source>
        <translation>Série du site de {zone}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/stats_site.py" line="35"/>
        <source>No zone is named {name}: the site series shows the first zone, {first}.</source>
        <translation>Aucune zone ne s'appelle {name} : la série du site montre la première zone, {first}.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/styles.py" line="362"/>
        <source>{low:g} to {high:g} % snow</source>
        <translation>{low:g} à {high:g} % de neige</translation>
    </message>
    <message>
        <location filename="../plugin/i18n.py" line="53"/>
        <source>{label}: {value}</source>
        <translation>{label} : {value}</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/common.py" line="17"/>
        <source>Sentinel-2 or Landsat L2A product (folder, .zip, .tar or metadata file), or the layers below</source>
        <translation>Produit L2A Sentinel-2 ou Landsat (dossier, .zip, .tar ou fichier de métadonnées), ou les couches ci-dessous</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/common.py" line="17"/>
        <source>A Theia/MUSCATE (MAJA) product or an ESA Sen2Cor product, as downloaded: its .zip (read without unzipping), its folder, or its metadata file (*_MTD_ALL.xml, MTD_MSIL2A.xml). Landsat 8 and 9: a Theia/MUSCATE Landsat L2A product, or a USGS Collection 2 Level-2 product (its .tar, read without unpacking, its folder or its *_MTL.xml). Scale, offset and no-data come from its metadata. Leave empty to give layers instead. In batch mode, Autofill, Add Products from a Folder… makes a row for each product of a folder.</source>
        <translation>Un produit Theia/MUSCATE (MAJA) ou un produit Sen2Cor de l'ESA, tel que téléchargé : son .zip (lu sans le décompresser), son dossier ou son fichier de métadonnées (*_MTD_ALL.xml, MTD_MSIL2A.xml). Landsat 8 et 9 : un produit Landsat L2A de Theia/MUSCATE, ou un produit USGS Collection 2 de niveau 2 (son .tar, lu sans le dépaqueter, son dossier ou son *_MTL.xml). L'échelle, le décalage et la valeur « pas de données » viennent de ses métadonnées. Laissez vide pour donner des couches à la place. En traitement par lot, Remplissage automatique, Ajouter les produits d'un dossier… crée une ligne pour chaque produit d'un dossier.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/common.py" line="33"/>
        <source>Layers instead of a product</source>
        <translation>Couches à la place d'un produit</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="32"/>
        <source>Choosing a preset sets it; a value that differs from the default wins over a preset (the log says so).</source>
        <translation>Choisir un préréglage le fixe ; une valeur différente de la valeur par défaut l'emporte sur un préréglage (le journal le signale).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>The recipe&apos;s values: Theia production since February 2018 (480 m, 0.04, 0.16), Theia May 2017 to February 2018 (240 m, 0.08, 0.25), No buffer (0 m, 0.04, 0.16), or custom values (the buffer distance, thresholds and sunglint angle below). Sunglint angle: 30 degrees in every preset (MAJA). In the dialog, choosing a preset sets the values below and changing one of them chooses custom values. Elsewhere (batch, models, qgis_process, command line) a value below that differs from its default wins over the preset, with a warning in the log; the log always says which preset the values used are. Bring to the current Theia parameters: a Theia product made with older MAJA parameters (told by its production date, docs/MAJA_ERAS.md) gets what it lacks: a product of May 2017 to February 2018 (240 m buffer) gets 240 m more (a buffer of 240 m then 240 m is one of 480 m) and the clouds over water of today&apos;s thresholds (0.04, 0.16), buffered by 480 m; a product made with the current parameters is left as it is. This preset sets the values below from the product: values given are not used (the log says so).</source>
        <translation>Les valeurs de la recette : production Theia depuis février 2018 (480 m ; 0,04 ; 0,16), Theia de mai 2017 à février 2018 (240 m ; 0,08 ; 0,25), Sans tampon (0 m ; 0,04 ; 0,16), ou valeurs personnalisées (la distance du tampon, les seuils et l'angle de reflet ci-dessous). Angle de reflet : 30 degrés dans chaque préréglage (MAJA). Dans la boîte de dialogue, choisir un préréglage fixe les valeurs ci-dessous, et en modifier une choisit les valeurs personnalisées. Ailleurs (traitement par lot, modèles, qgis_process, ligne de commande), une valeur ci-dessous différente de sa valeur par défaut l'emporte sur le préréglage, avec un avertissement dans le journal ; le journal dit toujours à quel préréglage correspondent les valeurs utilisées. Amener aux paramètres actuels de Theia : un produit Theia fait avec d'anciens paramètres de MAJA (d'après sa date de production, docs/MAJA_ERAS.md) reçoit ce qui lui manque : un produit de mai 2017 à février 2018 (tampon de 240 m) reçoit 240 m de plus (un tampon de 240 m puis de 240 m en fait un de 480 m) et les nuages sur l'eau des seuils d'aujourd'hui (0,04 ; 0,16), avec un tampon de 480 m ; un produit fait avec les paramètres actuels est laissé tel quel. Ce préréglage fixe les valeurs ci-dessous d'après le produit : les valeurs données ne sont pas utilisées (le journal le signale).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Water test</source>
        <translation>Test de l'eau</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="39"/>
        <source>Shadow search</source>
        <translation>Recherche des ombres</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/refinecloudmask.py" line="97"/>
        <source>&lt;p&gt;Applies MAJA&apos;s cloud-mask refinements of February 2018 to any Sentinel-2 L2A product, Theia or Sen2Cor (which does not buffer its clouds), in one step:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Clouds over water&lt;/b&gt;: a water pixel is cloud when its SWIR reflectance is above the threshold, or above the sunglint threshold where sunglint is likely (as &quot;Clouds over water&quot;);&lt;/li&gt;&lt;li&gt;&lt;b&gt;Cloud shadows&lt;/b&gt; (optional): each cloud, clouds over water included, projected along the sun direction over the range of heights, kept where it best matches dark pixels (as &quot;Cloud shadows from sun geometry&quot;);&lt;/li&gt;&lt;li&gt;&lt;b&gt;Buffer&lt;/b&gt;: the clouds MAJA masks (CLM bits 1, 2, 3 and 7, not the thinnest clouds alone) and the clouds over water, buffered by the distance (as &quot;Buffer a mask by a distance&quot;), with the parallax between the bands when a parallax height is given.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Presets&lt;/b&gt;: Theia production since February 2018 (buffer 480 m, thresholds 0.04 and 0.16), Theia May 2017 to February 2018 (240 m, 0.08 and 0.25), No buffer (0 m, 0.04 and 0.16; Sen2Cor does not buffer), or custom values. Choosing a preset in the dialog sets the buffer distance and the thresholds; changing one of them chooses custom values. In batch mode, models, qgis_process and the command line, a value that differs from its default wins over the preset (the log warns and says which preset the values used are): a preset with a value of your own needs no &quot;custom values&quot;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: a bit mask compatible with MAJA&apos;s CLM, so that any tool reading CLM reads it: each bit keeps its meaning, refined (clouds over water join bits 0, 1 and 2; projected shadows bits 0 and 5; the buffer bits 0 and 1; no data is 0, as in MAJA). A Sen2Cor SCL is written as CLM bits first (classes 8 and 9: bits 0, 1, 2; 10: bits 0, 1, 7; 3: bits 0, 5). And a class raster: clear, cloud, cloud shadow, buffer, no data.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 and 9&lt;/b&gt; (Theia/MUSCATE L2A, or USGS Collection 2 Level-2 from its folder or .tar): refined on their 30 m grid, the buffer in metres as on Sentinel-2, clouds over water with B7 (for B12) or B6 (for B11), shadows from the sun angles of the metadata with a view at nadir (no parallax: Landsat products have no per-band viewing angles). A USGS QA_PIXEL is written as CLM bits first (cloud: bits 0, 1, 2; cirrus: 0, 1, 7; cloud shadow: 0, 5; dilated cloud: bit 0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Applique les améliorations du masque de nuages de MAJA de février 2018 à tout produit Sentinel-2 L2A, Theia ou Sen2Cor (qui ne met pas de tampon autour de ses nuages), en une étape :&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Nuages sur l'eau&lt;/b&gt; : un pixel d'eau est un nuage quand sa réflectance SWIR dépasse le seuil, ou le seuil avec reflet là où un reflet du soleil est probable (comme « Nuages sur l'eau ») ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ombres des nuages&lt;/b&gt; (facultatif) : chaque nuage, nuages sur l'eau compris, projeté selon la direction du soleil sur la plage d'altitudes, gardé là où il correspond le mieux à des pixels sombres (comme « Ombres des nuages d'après la géométrie solaire ») ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;Tampon&lt;/b&gt; : les nuages que MAJA masque (bits 1, 2, 3 et 7 du CLM, pas les nuages les plus fins seuls) et les nuages sur l'eau, entourés d'un tampon de la distance (comme « Tampon d'un masque à une distance »), avec la parallaxe entre les bandes quand une hauteur de parallaxe est donnée.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Préréglages&lt;/b&gt; : production Theia depuis février 2018 (tampon de 480 m, seuils 0,04 et 0,16), Theia de mai 2017 à février 2018 (240 m, 0,08 et 0,25), Sans tampon (0 m, 0,04 et 0,16 ; Sen2Cor ne met pas de tampon), ou valeurs personnalisées. Dans la boîte de dialogue, choisir un préréglage fixe la distance du tampon et les seuils ; en modifier un choisit les valeurs personnalisées. En traitement par lot, dans les modèles, qgis_process et la ligne de commande, une valeur différente de sa valeur par défaut l'emporte sur le préréglage (le journal avertit et dit à quel préréglage correspondent les valeurs utilisées) : un préréglage avec une valeur à vous n'a pas besoin des « valeurs personnalisées ».&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; : un masque de bits compatible avec le CLM de MAJA, pour que tout outil qui lit le CLM le lise : chaque bit garde son sens, affiné (les nuages sur l'eau rejoignent les bits 0, 1 et 2 ; les ombres projetées les bits 0 et 5 ; le tampon les bits 0 et 1 ; l'absence de données vaut 0, comme dans MAJA). Un SCL de Sen2Cor est d'abord écrit en bits du CLM (classes 8 et 9 : bits 0, 1, 2 ; 10 : bits 0, 1, 7 ; 3 : bits 0, 5). Et un raster de classes : clair, nuage, ombre de nuage, tampon, pas de données.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 et 9&lt;/b&gt; (L2A de Theia/MUSCATE, ou USGS Collection 2 niveau 2 depuis son dossier ou son .tar) : affinés sur leur grille de 30 m, le tampon en mètres comme sur Sentinel-2, les nuages sur l'eau avec B7 (pour B12) ou B6 (pour B11), les ombres d'après les angles solaires des métadonnées avec une visée au nadir (pas de parallaxe : les produits Landsat n'ont pas d'angles de visée par bande). Un QA_PIXEL de l'USGS est d'abord écrit en bits de CLM (nuage : bits 0, 1, 2 ; cirrus : 0, 1, 7 ; ombre de nuage : 0, 5 ; nuage dilaté : bit 0).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="128"/>
        <source>Needs the tree cover density. Bits: 0 sun too low, 1 sun tangent, 2 water, 3 tree cover above 90 %, 4 snow under thin cloud, 5 tree cover unknown, 6 shaded snow (snow in the cast shadow of the relief, with the shaded snow option).</source>
        <translation>Nécessite la densité du couvert arboré. Bits : 0 soleil trop bas, 1 soleil rasant, 2 eau, 3 couvert arboré au-dessus de 90 %, 4 neige sous un nuage fin, 5 couvert arboré inconnu, 6 neige à l'ombre (neige dans l'ombre portée du relief, avec l'option de la neige à l'ombre).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="160"/>
        <source>Snowline and pass 2 (LIS)</source>
        <translation>Limite d'enneigement et passe 2 (LIS)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="161"/>
        <source>Water and shaded snow</source>
        <translation>Eau et neige à l'ombre</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="162"/>
        <source>Fractional snow cover</source>
        <translation>Fraction de couvert neigeux</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="163"/>
        <source>LIS options (off by default)</source>
        <translation>Options de LIS (désactivées par défaut)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="166"/>
        <source>Other LIS settings</source>
        <translation>Autres réglages de LIS</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>LIS&apos;s strict_cloud_mask: a snow pixel of pass 1 or 2 stays snow only when it is not in the back-to-cloud mask (original cloud with a red reflectance above the red threshold, back to cloud); such pixels are mapped as cloud. Off by default, as in LIS.</source>
        <translation>strict_cloud_mask de LIS : un pixel de neige de la passe 1 ou 2 ne reste de la neige que s'il n'est pas dans le masque de retour au nuage (nuage d'origine dont la réflectance rouge dépasse le seuil du rouge, retour au nuage) ; ces pixels sont cartographiés comme nuage. Désactivé par défaut, comme dans LIS.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="173"/>
        <source>Needs a DEM and the sun angles (the product&apos;s, or the sun zenith and azimuth angles below): a pixel is in cast shadow when the terrain towards the sun rises above the sun&apos;s elevation; snow detected there gets bit 6 of the QC flags.</source>
        <translation>Nécessite un MNT et les angles solaires (ceux du produit, ou les angles zénithal et azimutal du soleil ci-dessous) : un pixel est dans l'ombre portée quand le terrain en direction du soleil s'élève au-dessus de la hauteur du soleil ; la neige détectée là reçoit le bit 6 des indicateurs de qualité.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowmap.py" line="223"/>
        <source>&lt;p&gt;Maps snow at 20 m with the method of the Theia Snow collection, Let-It-Snow (LIS): with the default thresholds (the LIS defaults) the map is the one LIS makes from the same product.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Inputs&lt;/b&gt;: a Theia (MAJA) or Sen2Cor L2A product, or the green (B3), red (B4) and SWIR (B11) bands as layers; a cloud mask (the product&apos;s own, or a layer such as the output of &lt;i&gt;neve:refinecloudmask&lt;/i&gt;); a digital elevation model in any CRS and resolution (resampled onto the 20 m grid with cubic splines). Green and red are brought from 10 m to 20 m with cubic convolution, as LIS does.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (reflectances in 0..1, all comparisons strict): 1. cloud layers from the mask; 2. dark-cloud test: the red band averaged over 240 m (resize factor 12); cloud pixels whose averaged red is not above the dark-cloud threshold leave the cloud mask (shadows and high clouds stay); 3. back to cloud: original cloud pixels with a red above the back-to-cloud threshold are mapped as cloud unless snow is found there; 4. pass 1 on cloud-free pixels: NDSI and red above the pass-1 thresholds; 5. snowline: the DEM is cut into elevation bands (the &lt;i&gt;elevation band height&lt;/i&gt;, 100 m); the lowest band where more than the &lt;i&gt;clear fraction of a snowy band&lt;/i&gt; (0.10) of the pixels are clear and more than the &lt;i&gt;snow fraction of a snowy band&lt;/i&gt; (0.10) of the clear pixels are snow gives the snowline, two bands lower; 6. pass 2, above the snowline only, on pixels outside the refined cloud mask: NDSI and red above the pass-2 thresholds; it runs only when pass 1 found snow on more than the &lt;i&gt;snow fraction needed for pass 2&lt;/i&gt; (0.001) of the image; 7. the map: 100 snow, else 205 cloud, else 0; no data where a band has none (a 10 m band: over the whole 20 m pixel) or a layer does not reach.&lt;/p&gt;&lt;p&gt;Without a DEM, pass 2 is skipped. Defaults: LIS parameter schema (Theia Snow collection); no-data code 255 since LIS 1.6 (254 before).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 and 9&lt;/b&gt; (Theia/MUSCATE L2A, or USGS Collection 2 Level-2 from its folder or .tar): the LIS Landsat settings, green B3, red B4 and SWIR B6, on the 30 m grid, the dark-cloud test over 240 m (8 pixels); clouds from the CLM (Theia) or from QA_PIXEL (USGS: bits 1 to 4 are cloud, bit 4 shadow, bit 2 high cloud).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Options&lt;/b&gt; (advanced, off by default as in LIS): the strict cloud mask (strict_cloud_mask); the removal of snow inside clouds (rm_snow_inside_cloud, &quot;pass 1.5&quot;); a water mask (LIS 1.11), from a layer or the product, where snow is never mapped; the shaded snow, snow in the cast shadow of the relief (QC bit 6), from the DEM and the sun angles.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: the map; optionally the LIS bit field of intermediate layers (bit 0 pass-1 snow, 1 pass-2 snow, 2 cloud before refinement, 3 refined cloud, 4 original cloud, 5 slope flag MG2 &amp;gt;= 64), the NDSI, the fractional snow cover on top of canopy (FSC, percent), and with a tree cover density layer the on-ground FSC and the QC flags; snow and cloud polygons (GeoPackage); an HTML report with the elevation histogram and the snowline; the snowline elevation and the snow and cloud percentages as numbers for the modeler.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cartographie la neige à 20 m avec la méthode de la collection Theia Neige, Let-It-Snow (LIS) : avec les seuils par défaut (ceux de LIS), la carte est celle que LIS produit à partir du même produit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Entrées&lt;/b&gt; : un produit L2A Theia (MAJA) ou Sen2Cor, ou les bandes verte (B3), rouge (B4) et SWIR (B11) sous forme de couches ; un masque de nuages (celui du produit, ou une couche telle que la sortie de &lt;i&gt;neve:refinecloudmask&lt;/i&gt;) ; un modèle numérique de terrain dans n'importe quel SCR et à n'importe quelle résolution (rééchantillonné sur la grille de 20 m par splines cubiques). Le vert et le rouge sont ramenés de 10 m à 20 m par convolution cubique, comme le fait LIS.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Méthode&lt;/b&gt; (réflectances entre 0 et 1, toutes les comparaisons strictes) : 1. couches de nuages tirées du masque ; 2. test des nuages sombres : la bande rouge moyennée sur 240 m (facteur de réduction 12) ; les pixels nuageux dont le rouge moyenné ne dépasse pas le seuil des nuages sombres quittent le masque de nuages (les ombres et les nuages hauts restent) ; 3. retour au nuage : les pixels du masque de nuages d'origine dont le rouge dépasse le seuil de retour au nuage sont cartographiés comme nuage, sauf si de la neige y est trouvée ; 4. passe 1 sur les pixels sans nuage : NDSI et rouge au-dessus des seuils de la passe 1 ; 5. limite d'enneigement : le MNT est découpé en tranches d'altitude (la &lt;i&gt;hauteur des tranches d'altitude&lt;/i&gt;, 100 m) ; la tranche la plus basse où plus de la &lt;i&gt;fraction dégagée d'une tranche enneigée&lt;/i&gt; (0,10) des pixels sont dégagés et plus de la &lt;i&gt;fraction de neige d'une tranche enneigée&lt;/i&gt; (0,10) des pixels dégagés sont de la neige donne la limite d'enneigement, deux tranches plus bas ; 6. passe 2, au-dessus de la limite d'enneigement seulement, sur les pixels hors du masque de nuages affiné : NDSI et rouge au-dessus des seuils de la passe 2 ; elle n'a lieu que si la passe 1 a trouvé de la neige sur plus de la &lt;i&gt;fraction de neige nécessaire à la passe 2&lt;/i&gt; (0,001) de l'image; 7. la carte : 100 neige, sinon 205 nuage, sinon 0 ; pas de données là où une bande n'en a pas (une bande à 10 m : sur tout le pixel de 20 m) ou qu'une couche n'atteint pas.&lt;/p&gt;&lt;p&gt;Sans MNT, la passe 2 n'a pas lieu. Valeurs par défaut : schéma des paramètres de LIS (collection Theia Neige) ; code d'absence de données 255 depuis LIS 1.6 (254 avant).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Landsat 8 et 9&lt;/b&gt; (L2A de Theia/MUSCATE, ou USGS Collection 2 niveau 2 depuis son dossier ou son .tar) : les réglages Landsat de LIS, vert B3, rouge B4 et SWIR B6, sur la grille de 30 m, le test des nuages sombres sur 240 m (8 pixels) ; les nuages du CLM (Theia) ou du QA_PIXEL (USGS : les bits 1 à 4 sont des nuages, le bit 4 une ombre, le bit 2 un nuage haut).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Options&lt;/b&gt; (avancées, désactivées par défaut comme dans LIS) : le masque de nuages strict (strict_cloud_mask) ; le retrait de la neige à l'intérieur des nuages (rm_snow_inside_cloud, « passe 1.5 ») ; un masque d'eau (LIS 1.11), tiré d'une couche ou du produit, où la neige n'est jamais cartographiée ; la neige à l'ombre, la neige dans l'ombre portée du relief (bit 6 des indicateurs de qualité), calculée à partir du MNT et des angles solaires.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sorties&lt;/b&gt; : la carte ; en option le champ de bits des couches intermédiaires de LIS (bit 0 neige de la passe 1, 1 neige de la passe 2, 2 nuage avant affinage, 3 nuage affiné, 4 nuage d'origine, 5 indicateur de pente MG2 &amp;gt;= 64), le NDSI, la fraction de couvert neigeux au-dessus de la canopée (FSC, en pour cent) et, avec une couche de densité du couvert arboré, la FSC au sol et les indicateurs de qualité ; les polygones de neige et de nuages (GeoPackage) ; un rapport HTML avec l'histogramme des altitudes et la limite d'enneigement ; l'altitude de la limite d'enneigement et les pourcentages de neige et de nuages sous forme de nombres pour le modeleur.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="21"/>
        <source>Snow cover duration (SCD), days</source>
        <translation>Durée d'enneigement (SCD), jours</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="22"/>
        <source>Snow onset day (SOD), days since the start</source>
        <translation>Jour d'apparition de la neige (SOD), jours depuis le début</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="23"/>
        <source>Snow melt-out day (SMOD), days since the start</source>
        <translation>Jour de disparition de la neige (SMOD), jours depuis le début</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="24"/>
        <source>Clear observations (NOBS)</source>
        <translation>Observations claires (NOBS)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="25"/>
        <source>Snow onsets (NSP)</source>
        <translation>Arrivées de la neige (NSP)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="42"/>
        <source>First day of the period (day 0 of the snow onset and melt-out days). Empty: 1 September of the hydrological year of the earliest map (the Theia Snow syntheses run from 1 September to 31 August).</source>
        <translation>Premier jour de la période (jour 0 des jours d'apparition et de disparition de la neige). Vide : le 1er septembre de l'année hydrologique de la carte la plus ancienne (les synthèses Theia Neige vont du 1er septembre au 31 août).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="79"/>
        <source>Snow days needed for the snow onset and melt-out days (SOD, SMOD)</source>
        <translation>Jours de neige nécessaires pour les jours d'apparition et de disparition de la neige (SOD, SMOD)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="79"/>
        <source>The snow onset and melt-out days are 0 unless the snow cover duration is more than this number of days. Default 10, as LIS.</source>
        <translation>Les jours d'apparition et de disparition de la neige valent 0 sauf si la durée d'enneigement dépasse ce nombre de jours. 10 par défaut, comme LIS.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="83"/>
        <source>What the snow onsets (NSP) count</source>
        <translation>Ce que comptent les arrivées de la neige (NSP)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="83"/>
        <source>Default: snow onsets in the period. LIS 1.x counts the changes in both directions (its difference of 8-bit values counts melts too): choose the second to reproduce its snow onsets (NSP).</source>
        <translation>Par défaut : les arrivées de la neige dans la période. LIS 1.x compte les changements dans les deux sens (sa différence de valeurs sur 8 bits compte aussi les fontes) : choisissez le second pour reproduire ses arrivées de la neige (NSP).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="88"/>
        <source>Clear observations (NOBS) only in the period</source>
        <translation>Observations claires (NOBS) dans la période seulement</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/algorithms/snowseason.py" line="88"/>
        <source>Default off: the clear observations count every clear observation used, margin dates included, as LIS.</source>
        <translation>Désactivé par défaut : les observations claires comptent toutes les observations claires utilisées, dates de la marge comprises, comme LIS.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/presets.py" line="90"/>
        <source>{parameter}: the value given, {value}, is used instead of {preset_value} of the preset &quot;{preset}&quot; (a value that differs from the default wins over the preset; choose the preset &quot;custom values&quot; to say so).</source>
        <translation>{parameter} : la valeur donnée, {value}, est utilisée au lieu de {preset_value} du préréglage « {preset} » (une valeur différente de la valeur par défaut l'emporte sur le préréglage ; choisissez le préréglage « valeurs personnalisées » pour le dire).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/presets.py" line="98"/>
        <source>These values are those of the preset &quot;{preset}&quot;.</source>
        <translation>Ces valeurs sont celles du préréglage « {preset} ».</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/presets.py" line="101"/>
        <source>These values are those of no preset (custom values).</source>
        <translation>Ces valeurs ne sont celles d'aucun préréglage (valeurs personnalisées).</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="465"/>
        <source>{parameter}: the value given, {value}, is not used: the preset &quot;{preset}&quot; sets it from the product.</source>
        <translation>{parameter} : la valeur donnée, {value}, n'est pas utilisée : le préréglage « {preset} » la fixe d'après le produit.</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="475"/>
        <source>{distance:g} m</source>
        <translation>{distance:g} m</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/refine.py" line="477"/>
        <source>{angle:g} degrees</source>
        <translation>{angle:g} degrés</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="297"/>
        <source>run above the snowline ({zs:.0f} m)</source>
        <translation>faite au-dessus de la limite d'enneigement ({zs:.0f} m)</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="299"/>
        <source>skipped, no DEM</source>
        <translation>non faite, pas de MNT</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="301"/>
        <source>skipped, the DEM gives no elevation band over the scene</source>
        <translation>non faite, le MNT ne donne aucune tranche d'altitude sur la scène</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="303"/>
        <source>skipped, no elevation band is snowy</source>
        <translation>non faite, aucune tranche d'altitude n'est enneigée</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="304"/>
        <source>skipped, pass 1 found too little snow</source>
        <translation>non faite, la passe 1 a trouvé trop peu de neige</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="310"/>
        <source>{zs:.0f} m</source>
        <translation>{zs:.0f} m</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="311"/>
        <source>Snowline elevation</source>
        <translation>Altitude de la limite d'enneigement</translation>
    </message>
    <message>
        <location filename="../plugin/pipeline/snowmap.py" line="314"/>
        <source>{percent:.1f} % of the valid pixels</source>
        <translation>{percent:.1f} % des pixels valides</translation>
    </message>
    <message>
        <location filename="../ui/dialog.py" line="55"/>
        <source>Advanced parameters: {group}</source>
        <translation>Paramètres avancés : {group}</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="554"/>
        <source>With the refined cloud mask</source>
        <translation>Avec le masque de nuages affiné</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="555"/>
        <source>The snow map of the whole product then uses the refined cloud mask of these values: &quot;Refine a cloud mask&quot; runs first (its dialog opens prefilled), then &quot;Snow map&quot; with its output as cloud mask. Unticked, the snow map uses the product&apos;s own cloud mask, as the preview&apos;s snow map does.</source>
        <translation>La carte de neige du produit entier utilise alors le masque de nuages affiné avec ces valeurs : « Affiner un masque de nuages » s'exécute d'abord (sa boîte de dialogue s'ouvre préremplie), puis « Carte de neige » avec sa sortie comme masque de nuages. Décoché, la carte de neige utilise le masque de nuages du produit, comme la carte de neige de l'aperçu.</translation>
    </message>
    <message>
        <location filename="../ui/tune_panel.py" line="568"/>
        <source>Refined cloud mask, then snow map…</source>
        <translation>Masque de nuages affiné, puis carte de neige…</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="392"/>
        <source>A product: its folder, its .zip or its metadata file</source>
        <translation>Un produit : son dossier, son .zip ou son fichier de métadonnées</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="396"/>
        <source>Choose a product file or a product folder</source>
        <translation>Choisir un fichier ou un dossier de produit</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="399"/>
        <source>Product File (.zip or Metadata)…</source>
        <translation>Fichier de produit (.zip ou métadonnées)…</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="401"/>
        <source>Product Folder…</source>
        <translation>Dossier de produit…</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="441"/>
        <source>Choose a product folder</source>
        <translation>Choisir un dossier de produit</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="497"/>
        <source>Add Products from a Folder…</source>
        <translation>Ajouter les produits d'un dossier…</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="498"/>
        <source>Adds a row for each Sentinel-2 product (folder, .zip) found in a folder</source>
        <translation>Ajoute une ligne pour chaque produit Sentinel-2 (dossier, .zip) trouvé dans un dossier</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="516"/>
        <source>Folder of the products</source>
        <translation>Dossier des produits</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/widgets.py" line="210"/>
        <source>%1 [optional]</source>
        <translation>%1 [optionnel]</translation>
    </message>
</context>
</TS>
