<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_TN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Istiqbal</source>
            <translation>À propos d'Istiqbal</translation>
        </message>
        <message>
            <source>Version {version}</source>
            <translation>Version {version}</translation>
        </message>
        <message>
            <source>Helps the citizen-reception unit of a public body meet, prove and improve the obligations of circular no. 8 of 19 March 2020 (phone reception) and circular no. 2 of 3 April 2020 (remote services).</source>
            <translation>Aide la cellule d'accueil des citoyens d'un organisme public à respecter, prouver et améliorer les obligations de la circulaire n° 8 du 19 mars 2020 (accueil téléphonique) et de la circulaire n° 2 du 3 avril 2020 (services à distance).</translation>
        </message>
        <message>
            <source>Database: {where}</source>
            <translation>Base de données : {where}</translation>
        </message>
        <message>
            <source>Built with Qt for Python {version}.</source>
            <translation>Construit avec Qt for Python {version}.</translation>
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <source>Audit trail</source>
            <translation>Journal d'audit</translation>
        </message>
        <message>
            <source>Every change is recorded here and can be neither edited nor deleted (law 2004-63 on personal data).</source>
            <translation>Chaque modification est enregistrée ici et ne peut être ni modifiée ni supprimée (loi 2004-63 sur les données personnelles).</translation>
        </message>
        <message>
            <source>(all)</source>
            <translation>(tous)</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Enregistrement</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Au</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <source>Before:</source>
            <translation>Avant :</translation>
        </message>
        <message>
            <source>After:</source>
            <translation>Après :</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>When</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Qui</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Enregistrement</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Id</translation>
        </message>
    </context>
    <context>
        <name>CalendarDialog</name>
        <message>
            <source>Holidays and office hours</source>
            <translation>Jours fériés et horaires de travail</translation>
        </message>
        <message>
            <source>The working-hours deadline clock skips these holidays and counts only these office hours. Confirm or move the lunar holidays when they are officially announced, and enter the summer and Ramadan hours each year.</source>
            <translation>Le décompte des délais en heures ouvrables saute ces jours fériés et ne compte que ces horaires. Confirmez ou déplacez les fêtes lunaires dès leur annonce officielle, et saisissez chaque année les horaires d'été et de Ramadan.</translation>
        </message>
        <message>
            <source>Public holidays</source>
            <translation>Jours fériés</translation>
        </message>
        <message>
            <source>Office hours</source>
            <translation>Horaires de travail</translation>
        </message>
        <message>
            <source>Only an administrator can change the calendar.</source>
            <translation>Seul un administrateur peut modifier le calendrier.</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
        <message>
            <source>Fill the year from the official list</source>
            <translation>Remplir l'année depuis la liste officielle</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Weekday</source>
            <translation>Jour</translation>
        </message>
        <message>
            <source>Holiday</source>
            <translation>Jour férié</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Ajouter…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Modifier…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <source>Confirm the date</source>
            <translation>Confirmer la date</translation>
        </message>
        <message>
            <source>Mark the selected estimated holiday as officially announced.</source>
            <translation>Marquer le jour férié estimé sélectionné comme officiellement annoncé.</translation>
        </message>
        <message>
            <source>Estimated</source>
            <translation>Estimé</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>Confirmé</translation>
        </message>
        <message>
            <source>No public holiday is recorded for {year}: use “Fill the year from the official list”, then check the lunar dates.</source>
            <translation>Aucun jour férié n'est enregistré pour {year} : utilisez « Remplir l'année depuis la liste officielle », puis vérifiez les dates lunaires.</translation>
        </message>
        <message>
            <source>{count} date(s) are still estimated: confirm or move each one once the official announcement is made.</source>
            <translation>{count} date(s) encore estimée(s) : confirmez ou déplacez chacune dès l'annonce officielle.</translation>
        </message>
        <message>
            <source>Every date of {year} is confirmed.</source>
            <translation>Toutes les dates de {year} sont confirmées.</translation>
        </message>
        <message>
            <source>Delete the holiday of {day} ({name})? Deadlines will count it as a working day.</source>
            <translation>Supprimer le jour férié du {day} ({name}) ? Les délais le compteront comme jour ouvrable.</translation>
        </message>
        <message>
            <source>{year} was already filled; the corrections made since are kept.</source>
            <translation>L'année {year} était déjà remplie ; les corrections faites depuis sont conservées.</translation>
        </message>
        <message>
            <source>When periods overlap, the shorter one applies: Ramadan and summer hours replace the usual hours on their dates.</source>
            <translation>Quand des périodes se chevauchent, la plus courte s'applique : les horaires de Ramadan et d'été remplacent les horaires habituels à leurs dates.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Au</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Séances</translation>
        </message>
        <message>
            <source>Double session</source>
            <translation>Double séance</translation>
        </message>
        <message>
            <source>Summer {year}</source>
            <translation>Été {year}</translation>
        </message>
        <message>
            <source>Ramadan {year}</source>
            <translation>Ramadan {year}</translation>
        </message>
        <message>
            <source>Closed every day</source>
            <translation>Fermé tous les jours</translation>
        </message>
        <message>
            <source>{opens}–{closes}</source>
            <translation>{opens}–{closes}</translation>
        </message>
        <message>
            <source>{first} and {second}</source>
            <translation>{first} et {second}</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>{first} au {last}</translation>
        </message>
        <message>
            <source>{days}: {hours}</source>
            <translation>{days} : {hours}</translation>
        </message>
        <message>
            <source>always</source>
            <translation>toujours</translation>
        </message>
        <message>
            <source>Saved. The deadlines of the requests concerned have been recomputed.</source>
            <translation>Enregistré. Les délais des requêtes concernées ont été recalculés.</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Change password</source>
            <translation>Changer le mot de passe</translation>
        </message>
        <message>
            <source>You signed in with a one-time password: choose your own.</source>
            <translation>Vous vous êtes connecté avec un mot de passe à usage unique : choisissez le vôtre.</translation>
        </message>
        <message>
            <source>at least {n} characters</source>
            <translation>au moins {n} caractères</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>Mot de passe actuel</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>Nouveau mot de passe</translation>
        </message>
        <message>
            <source>Repeat the new password</source>
            <translation>Répétez le nouveau mot de passe</translation>
        </message>
        <message>
            <source>The two new passwords differ.</source>
            <translation>Les deux nouveaux mots de passe diffèrent.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to Istiqbal</source>
            <translation>Bienvenue dans Istiqbal</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Istiqbal keeps the obligations of circulars 8/2020 and 2/2020: phone lines, citizens' requests within 48 hours, training of reception agents and the periodic evaluation. A few questions and it is ready.</source>
            <translation>Istiqbal suit les obligations des circulaires 8/2020 et 2/2020 : lignes téléphoniques, demandes des citoyens traitées sous 48 heures, formation des agents d'accueil et évaluation périodique. Quelques questions et il est prêt.</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>Langue de l'interface</translation>
        </message>
        <message>
            <source>Your public body</source>
            <translation>Votre organisme public</translation>
        </message>
        <message>
            <source>Printed on every report.</source>
            <translation>Imprimé sur chaque rapport.</translation>
        </message>
        <message>
            <source>Name in Arabic</source>
            <translation>Nom en arabe</translation>
        </message>
        <message>
            <source>Name in French</source>
            <translation>Nom en français</translation>
        </message>
        <message>
            <source>E-mail address published for citizens (C2.1)</source>
            <translation>Adresse e-mail publiée pour les citoyens (C2.1)</translation>
        </message>
        <message>
            <source>The administrator</source>
            <translation>L'administrateur</translation>
        </message>
        <message>
            <source>This account manages users and settings. There is no other account yet.</source>
            <translation>Ce compte gère les utilisateurs et les paramètres. Il n'existe encore aucun autre compte.</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nom d'utilisateur</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nom complet</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mot de passe</translation>
        </message>
        <message>
            <source>Repeat the password</source>
            <translation>Répétez le mot de passe</translation>
        </message>
        <message>
            <source>at least {n} characters</source>
            <translation>au moins {n} caractères</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Les deux mots de passe diffèrent.</translation>
        </message>
    </context>
    <context>
        <name>HolidayEditor</name>
        <message>
            <source>Edit holiday</source>
            <translation>Modifier le jour férié</translation>
        </message>
        <message>
            <source>Add a holiday</source>
            <translation>Ajouter un jour férié</translation>
        </message>
        <message>
            <source>Estimated date (not yet officially announced)</source>
            <translation>Date estimée (pas encore officiellement annoncée)</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Name in Arabic</source>
            <translation>Nom en arabe</translation>
        </message>
        <message>
            <source>Name in French</source>
            <translation>Nom en français</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Istiqbal — sign in</source>
            <translation>Istiqbal — connexion</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nom d'utilisateur</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mot de passe</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Se connecter</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Sauvegarder maintenant</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>&amp;Account</source>
            <translation>&amp;Compte</translation>
        </message>
        <message>
            <source>Change my password…</source>
            <translation>Changer mon mot de passe…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>About Istiqbal</source>
            <translation>À propos d'Istiqbal</translation>
        </message>
        <message>
            <source>Signed in: {name} ({role})</source>
            <translation>Connecté : {name} ({role})</translation>
        </message>
        <message>
            <source>Database: {where}</source>
            <translation>Base de données : {where}</translation>
        </message>
        <message>
            <source>This page could not be opened.</source>
            <translation>Cette page n'a pas pu être ouverte.</translation>
        </message>
        <message>
            <source>Backup written to {path}.</source>
            <translation>Sauvegarde écrite dans {path}.</translation>
        </message>
    </context>
    <context>
        <name>NewRequestDialog</name>
        <message>
            <source>New request</source>
            <translation>Nouvelle requête</translation>
        </message>
        <message>
            <source>e-mail or telephone</source>
            <translation>courriel ou téléphone</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(aucune)</translation>
        </message>
        <message>
            <source>(not assigned)</source>
            <translation>(non attribuée)</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>Reçue le</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Canal</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Citizen</source>
            <translation>Citoyen</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Particular category (C8.6)</source>
            <translation>Catégorie particulière (C8.6)</translation>
        </message>
        <message>
            <source>Assigned to</source>
            <translation>Attribuée à</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texte</translation>
        </message>
    </context>
    <context>
        <name>RequestDialog</name>
        <message>
            <source>Timeline</source>
            <translation>Historique</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Étape</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texte</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Réponse</translation>
        </message>
        <message>
            <source>Notice: needs documents or coordination</source>
            <translation>Avis : documents ou coordination nécessaires</translation>
        </message>
        <message>
            <source>The answer given, or the documents needed / the body to coordinate with</source>
            <translation>La réponse donnée, ou les documents nécessaires / l'organisme à consulter</translation>
        </message>
        <message>
            <source>(not assigned)</source>
            <translation>(non attribuée)</translation>
        </message>
        <message>
            <source>Assign</source>
            <translation>Attribuer</translation>
        </message>
        <message>
            <source>Record the response</source>
            <translation>Enregistrer la réponse</translation>
        </message>
        <message>
            <source>Close the request</source>
            <translation>Clôturer la requête</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Rouvrir</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>Request {ref}</source>
            <translation>Requête {ref}</translation>
        </message>
        <message>
            <source>(restricted)</source>
            <translation>(restreint)</translation>
        </message>
        <message>
            <source>{state} — deadline {when}</source>
            <translation>{state} — échéance {when}</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>Reçue le</translation>
        </message>
        <message>
            <source>Channel / type</source>
            <translation>Canal / type</translation>
        </message>
        <message>
            <source>Citizen</source>
            <translation>Citoyen</translation>
        </message>
        <message>
            <source>Particular category (C8.6)</source>
            <translation>Catégorie particulière (C8.6)</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Deadline (C2.1)</source>
            <translation>Délai (C2.1)</translation>
        </message>
        <message>
            <source>Assigned to</source>
            <translation>Attribuée à</translation>
        </message>
        <message>
            <source>Recorded on {when}</source>
            <translation>Enregistré le {when}</translation>
        </message>
        <message>
            <source>Why is it reopened?</source>
            <translation>Pourquoi la rouvrir ?</translation>
        </message>
    </context>
    <context>
        <name>RequestsImportDialog</name>
        <message>
            <source>Import a requests register</source>
            <translation>Importer un registre des requêtes</translation>
        </message>
        <message>
            <source>Reading {file}…</source>
            <translation>Lecture de {file}…</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Reçue le</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Canal</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problème</translation>
        </message>
        <message>
            <source>Import the valid rows and leave out the others</source>
            <translation>Importer les lignes valides et laisser les autres</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importer</translation>
        </message>
        <message>
            <source>Reading the register…</source>
            <translation>Lecture du registre…</translation>
        </message>
        <message>
            <source>Column {column}: {message}</source>
            <translation>Colonne {column} : {message}</translation>
        </message>
        <message>
            <source>{file}: {valid} rows ready to import, {invalid} rows with a problem, {warnings} warnings. Rows already in the register will be skipped.</source>
            <translation>{file} : {valid} lignes prêtes à importer, {invalid} lignes en erreur, {warnings} avertissements. Les lignes déjà présentes dans le registre seront ignorées.</translation>
        </message>
        <message>
            <source>Importing the register…</source>
            <translation>Import du registre…</translation>
        </message>
    </context>
    <context>
        <name>RequestsPage</name>
        <message>
            <source>Citizen requests</source>
            <translation>Requêtes des citoyens</translation>
        </message>
        <message>
            <source>Answer every request, or tell the sender what the answer needs, in time. {clock}</source>
            <translation>Répondre à chaque requête, ou dire à l'expéditeur ce que la réponse exige, dans les délais. {clock}</translation>
        </message>
        <message>
            <source>Search subject, text, citizen…</source>
            <translation>Rechercher objet, texte, citoyen…</translation>
        </message>
        <message>
            <source>Search the subject…</source>
            <translation>Rechercher dans l'objet…</translation>
        </message>
        <message>
            <source>All deadlines</source>
            <translation>Tous les délais</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Tous les statuts</translation>
        </message>
        <message>
            <source>All channels</source>
            <translation>Tous les canaux</translation>
        </message>
        <message>
            <source>All types</source>
            <translation>Tous les types</translation>
        </message>
        <message>
            <source>All users</source>
            <translation>Tous les usagers</translation>
        </message>
        <message>
            <source>All agents</source>
            <translation>Tous les agents</translation>
        </message>
        <message>
            <source>Not assigned</source>
            <translation>Non attribuée</translation>
        </message>
        <message>
            <source>Any date</source>
            <translation>Toutes dates</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Aujourd'hui</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>7 derniers jours</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>Ce mois-ci</translation>
        </message>
        <message>
            <source>Between…</source>
            <translation>Entre…</translation>
        </message>
        <message>
            <source>New request…</source>
            <translation>Nouvelle requête…</translation>
        </message>
        <message>
            <source>Import a register…</source>
            <translation>Importer un registre…</translation>
        </message>
        <message>
            <source>Personal data</source>
            <translation>Données personnelles</translation>
        </message>
        <message>
            <source>Export one citizen's data…</source>
            <translation>Exporter les données d'un citoyen…</translation>
        </message>
        <message>
            <source>Remove expired personal data…</source>
            <translation>Supprimer les données personnelles échues…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <source>Waiting for a response</source>
            <translation>En attente de réponse</translation>
        </message>
        <message>
            <source>Overdue: {n}</source>
            <translation>En retard : {n}</translation>
        </message>
        <message>
            <source>Due soon: {n}</source>
            <translation>Échéance proche : {n}</translation>
        </message>
        <message>
            <source>Waiting for a response: {n}</source>
            <translation>En attente de réponse : {n}</translation>
        </message>
        <message>
            <source>{n} requests match.</source>
            <translation>{n} requêtes correspondent.</translation>
        </message>
        <message>
            <source>Import a requests register</source>
            <translation>Importer un registre des requêtes</translation>
        </message>
        <message>
            <source>Registers (*.xlsx *.csv)</source>
            <translation>Registres (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>Imported {n}, skipped {d} already present.</source>
            <translation>{n} importées, {d} déjà présentes ignorées.</translation>
        </message>
        <message>
            <source>Export one citizen's data</source>
            <translation>Exporter les données d'un citoyen</translation>
        </message>
        <message>
            <source>Citizen's name, e-mail or telephone:</source>
            <translation>Nom, courriel ou téléphone du citoyen :</translation>
        </message>
        <message>
            <source>Nothing is held about “{query}”.</source>
            <translation>Aucune donnée n'est détenue sur « {query} ».</translation>
        </message>
        <message>
            <source>Save the citizen's data</source>
            <translation>Enregistrer les données du citoyen</translation>
        </message>
        <message>
            <source>Workbook (*.xlsx)</source>
            <translation>Classeur (*.xlsx)</translation>
        </message>
        <message>
            <source>{n} requests written to {path}.</source>
            <translation>{n} requêtes écrites dans {path}.</translation>
        </message>
        <message>
            <source>No request was closed before {date}: nothing to remove.</source>
            <translation>Aucune requête clôturée avant le {date} : rien à supprimer.</translation>
        </message>
        <message>
            <source>Remove expired personal data</source>
            <translation>Supprimer les données personnelles échues</translation>
        </message>
        <message>
            <source>{n} requests were closed before {date}, beyond the retention period. Their citizens' names, contacts, texts and timeline notes will be removed for good; references, dates and subjects stay for the statistics. First ones: {refs}. Remove them now?</source>
            <translation>{n} requêtes ont été clôturées avant le {date}, au-delà de la durée de conservation. Les noms, contacts, textes et notes d'historique des citoyens seront supprimés définitivement ; références, dates et objets restent pour les statistiques. Premières : {refs}. Les supprimer maintenant ?</translation>
        </message>
        <message>
            <source>Personal data removed from {n} requests; the removal is recorded.</source>
            <translation>Données personnelles supprimées de {n} requêtes ; la suppression est consignée.</translation>
        </message>
        <message>
            <source>{n} requests are due within the warning window: {refs}</source>
            <translation>{n} requêtes arrivent à échéance : {refs}</translation>
        </message>
        <message>
            <source>Requests due soon</source>
            <translation>Requêtes à échéance proche</translation>
        </message>
    </context>
    <context>
        <name>RequestsTableModel</name>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Reçu le</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Canal</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Citizen</source>
            <translation>Citoyen</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Délai</translation>
        </message>
        <message>
            <source>Overdue by {time}</source>
            <translation>En retard de {time}</translation>
        </message>
        <message>
            <source>Due soon: {time} left</source>
            <translation>Échéance proche : reste {time}</translation>
        </message>
        <message>
            <source>On time: {time} left</source>
            <translation>Dans les délais : reste {time}</translation>
        </message>
        <message>
            <source>{days} d {hours} h</source>
            <translation>{days} j {hours} h</translation>
        </message>
        <message>
            <source>{hours} h</source>
            <translation>{hours} h</translation>
        </message>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} min</translation>
        </message>
        <message>
            <source>(restricted)</source>
            <translation>(restreint)</translation>
        </message>
        <message>
            <source>Deadline: {when}</source>
            <translation>Échéance : {when}</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>These values apply to every PC that shares this database and to the command line.</source>
            <translation>Ces valeurs s'appliquent à chaque poste qui partage cette base de données et à la ligne de commande.</translation>
        </message>
        <message>
            <source>The public body</source>
            <translation>L'organisme public</translation>
        </message>
        <message>
            <source>Name in Arabic</source>
            <translation>Nom en arabe</translation>
        </message>
        <message>
            <source>Name in French</source>
            <translation>Nom en français</translation>
        </message>
        <message>
            <source>Published e-mail address (C2.1)</source>
            <translation>Adresse e-mail publiée (C2.1)</translation>
        </message>
        <message>
            <source>Default language</source>
            <translation>Langue par défaut</translation>
        </message>
        <message>
            <source>Deadlines and checks</source>
            <translation>Délais et contrôles</translation>
        </message>
        <message>
            <source>Calendar hours (as the circular says)</source>
            <translation>Heures calendaires (comme le dit la circulaire)</translation>
        </message>
        <message>
            <source>Working hours (skip nights, weekends, holidays)</source>
            <translation>Heures ouvrées (hors nuits, week-ends et jours fériés)</translation>
        </message>
        <message>
            <source>Deadline clock</source>
            <translation>Décompte du délai</translation>
        </message>
        <message>
            <source>Answer or notice within (hours, C2.1)</source>
            <translation>Réponse ou avis sous (heures, C2.1)</translation>
        </message>
        <message>
            <source>Warn before the deadline (hours)</source>
            <translation>Alerter avant l'échéance (heures)</translation>
        </message>
        <message>
            <source>Pick up within (seconds, C8.2)</source>
            <translation>Décrocher sous (secondes, C8.2)</translation>
        </message>
        <message>
            <source>Check every line every (days, C8.1)</source>
            <translation>Contrôler chaque ligne tous les (jours, C8.1)</translation>
        </message>
        <message>
            <source>Keep citizens' personal data (years)</source>
            <translation>Conserver les données personnelles des citoyens (années)</translation>
        </message>
        <message>
            <source>Holidays and office hours…</source>
            <translation>Jours fériés et horaires de travail…</translation>
        </message>
        <message>
            <source>The public holidays and office hours that the working-hours clock skips or counts.</source>
            <translation>Les jours fériés que le décompte en heures ouvrables saute, et les horaires qu'il compte.</translation>
        </message>
        <message>
            <source>Passwords of mailboxes</source>
            <translation>Mots de passe des boîtes aux lettres</translation>
        </message>
        <message>
            <source>System password store</source>
            <translation>Coffre à mots de passe du système</translation>
        </message>
        <message>
            <source>Secure: passwords are kept there, never in the database.</source>
            <translation>Sûr : les mots de passe y sont conservés, jamais dans la base de données.</translation>
        </message>
        <message>
            <source>Not secure: Istiqbal will not store any mailbox password on this PC.</source>
            <translation>Non sûr : Istiqbal n'enregistrera aucun mot de passe de boîte aux lettres sur ce poste.</translation>
        </message>
        <message>
            <source>Targets of the indicators (%)</source>
            <translation>Cibles des indicateurs (%)</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <source>Only an administrator can change these settings.</source>
            <translation>Seul un administrateur peut modifier ces paramètres.</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Paramètres enregistrés.</translation>
        </message>
    </context>
    <context>
        <name>TimetableEditor</name>
        <message>
            <source>Usual hours</source>
            <translation>Horaires habituels</translation>
        </message>
        <message>
            <source>Summer single session</source>
            <translation>Séance unique d'été</translation>
        </message>
        <message>
            <source>Ramadan</source>
            <translation>Ramadan</translation>
        </message>
        <message>
            <source>Other period</source>
            <translation>Autre période</translation>
        </message>
        <message>
            <source>Edit office hours</source>
            <translation>Modifier les horaires</translation>
        </message>
        <message>
            <source>Add office hours</source>
            <translation>Ajouter des horaires</translation>
        </message>
        <message>
            <source>Applies only between these dates</source>
            <translation>S'applique seulement entre ces dates</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>To</source>
            <translation>au</translation>
        </message>
        <message>
            <source>Dates estimated (not yet officially announced)</source>
            <translation>Dates estimées (pas encore officiellement annoncées)</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Sessions (a day without any session is a day off)</source>
            <translation>Séances (un jour sans séance est un jour de repos)</translation>
        </message>
        <message>
            <source>Morning</source>
            <translation>Matin</translation>
        </message>
        <message>
            <source>Afternoon</source>
            <translation>Après-midi</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <source>New user</source>
            <translation>Nouvel utilisateur</translation>
        </message>
        <message>
            <source>Edit user</source>
            <translation>Modifier l'utilisateur</translation>
        </message>
        <message>
            <source>e.g. k.trabelsi</source>
            <translation>p. ex. k.trabelsi</translation>
        </message>
        <message>
            <source>May sign in</source>
            <translation>Peut se connecter</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nom d'utilisateur</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nom complet</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <source>Users</source>
            <translation>Utilisateurs</translation>
        </message>
        <message>
            <source>Each person signs in with their own account; the role decides what they may change. There is no shared or default account.</source>
            <translation>Chaque personne se connecte avec son propre compte ; son rôle décide de ce qu'elle peut modifier. Il n'y a ni compte partagé ni compte par défaut.</translation>
        </message>
        <message>
            <source>Add user…</source>
            <translation>Ajouter un utilisateur…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Modifier…</translation>
        </message>
        <message>
            <source>New one-time password</source>
            <translation>Nouveau mot de passe à usage unique</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nom d'utilisateur</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Nom complet</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Last sign-in</source>
            <translation>Dernière connexion</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Actif</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>Désactivé</translation>
        </message>
        <message>
            <source>Must change password</source>
            <translation>Doit changer son mot de passe</translation>
        </message>
        <message>
            <source>One-time password</source>
            <translation>Mot de passe à usage unique</translation>
        </message>
        <message>
            <source>The one-time password of {user} is:

{password}

It has been copied. Hand it over in person; it must be changed at the first sign-in.</source>
            <translation>Le mot de passe à usage unique de {user} est :

{password}

Il a été copié. Remettez-le en main propre ; il devra être changé à la première connexion.</translation>
        </message>
    </context>
    <context>
        <name>auth</name>
        <message>
            <source>A password needs at least {n} characters.</source>
            <translation>Un mot de passe doit compter au moins {n} caractères.</translation>
        </message>
        <message>
            <source>The user name “{name}” may only hold Latin letters, digits, dots, dashes and underscores (2 to 64).</source>
            <translation>Le nom d'utilisateur « {name} » ne peut contenir que des lettres latines, des chiffres, des points, des tirets et des soulignés (2 à 64).</translation>
        </message>
        <message>
            <source>The user name “{name}” is taken.</source>
            <translation>Le nom d'utilisateur « {name} » est déjà pris.</translation>
        </message>
        <message>
            <source>An administrator already exists.</source>
            <translation>Un administrateur existe déjà.</translation>
        </message>
        <message>
            <source>Wrong user name or password.</source>
            <translation>Nom d'utilisateur ou mot de passe incorrect.</translation>
        </message>
        <message>
            <source>Too many wrong tries: wait {n} seconds.</source>
            <translation>Trop d'essais erronés : attendez {n} secondes.</translation>
        </message>
        <message>
            <source>This user no longer exists.</source>
            <translation>Cet utilisateur n'existe plus.</translation>
        </message>
        <message>
            <source>This user was changed by someone else meanwhile; reopen it.</source>
            <translation>Cet utilisateur a été modifié entre-temps par quelqu'un d'autre ; rouvrez-le.</translation>
        </message>
        <message>
            <source>You cannot remove your own administrator rights.</source>
            <translation>Vous ne pouvez pas retirer vos propres droits d'administrateur.</translation>
        </message>
        <message>
            <source>There must always be one active administrator.</source>
            <translation>Il doit toujours rester un administrateur actif.</translation>
        </message>
        <message>
            <source>The current password is wrong.</source>
            <translation>Le mot de passe actuel est incorrect.</translation>
        </message>
        <message>
            <source>The new password must differ from the old one.</source>
            <translation>Le nouveau mot de passe doit différer de l'ancien.</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>{file}, row {row}, column {column}: {message}</source>
            <translation>{file}, ligne {row}, colonne {column} : {message}</translation>
        </message>
        <message>
            <source>{file}, row {row}, column {column} (warning): {message}</source>
            <translation>{file}, ligne {row}, colonne {column} (avertissement) : {message}</translation>
        </message>
        <message>
            <source>Checked (nothing written): {n} new, {d} already present.</source>
            <translation>Vérifié (rien n'a été écrit) : {n} nouveaux, {d} déjà présents.</translation>
        </message>
        <message>
            <source>Imported {n}, skipped {d} already present.</source>
            <translation>{n} importés, {d} déjà présents ignorés.</translation>
        </message>
        <message>
            <source>Demo data written to {where}.</source>
            <translation>Données de démonstration écrites dans {where}.</translation>
        </message>
        <message>
            <source>One-time passwords (each user changes it at first sign-in):</source>
            <translation>Mots de passe à usage unique (chaque utilisateur le change à la première connexion) :</translation>
        </message>
        <message>
            <source>The database {where} is damaged: {problem}</source>
            <translation>La base de données {where} est endommagée : {problem}</translation>
        </message>
        <message>
            <source>The database {where} is sound.</source>
            <translation>La base de données {where} est saine.</translation>
        </message>
        <message>
            <source>Backup written to {path}.</source>
            <translation>Sauvegarde écrite dans {path}.</translation>
        </message>
        <message>
            <source>--size must look like 1366x768, not “{size}”.</source>
            <translation>--size doit avoir la forme 1366x768, pas « {size} ».</translation>
        </message>
    </context>
    <context>
        <name>credentials</name>
        <message>
            <source>This computer has no secure password store ({backend}); the password was not saved. Install a keyring (Windows Credential Manager, GNOME Keyring, KWallet).</source>
            <translation>Cet ordinateur n'a pas de coffre à mots de passe sûr ({backend}) ; le mot de passe n'a pas été enregistré. Installez un trousseau (Gestionnaire d'identification Windows, GNOME Keyring, KWallet).</translation>
        </message>
    </context>
    <context>
        <name>database</name>
        <message>
            <source>The database {where} is locked by another program; try again later.</source>
            <translation>La base de données {where} est verrouillée par un autre programme ; réessayez plus tard.</translation>
        </message>
        <message>
            <source>The file {where} is damaged or is not an Istiqbal database; restore a backup.</source>
            <translation>Le fichier {where} est endommagé ou n'est pas une base Istiqbal ; restaurez une sauvegarde.</translation>
        </message>
        <message>
            <source>The database {where} cannot be written to.</source>
            <translation>Impossible d'écrire dans la base de données {where}.</translation>
        </message>
        <message>
            <source>The database {where} cannot be opened: {reason}</source>
            <translation>Impossible d'ouvrir la base de données {where} : {reason}</translation>
        </message>
        <message>
            <source>The database file {where} is on a network share, where SQLite loses data; use a PostgreSQL server to share data between PCs (--db postgresql+psycopg://…).</source>
            <translation>Le fichier de base de données {where} est sur un partage réseau, où SQLite perd des données ; utilisez un serveur PostgreSQL pour partager les données entre postes (--db postgresql+psycopg://…).</translation>
        </message>
        <message>
            <source>The database {where} was made by a newer version of Istiqbal ({rev}); install that version. Nothing was changed.</source>
            <translation>La base de données {where} a été créée par une version plus récente d'Istiqbal ({rev}) ; installez cette version. Rien n'a été modifié.</translation>
        </message>
        <message>
            <source>Upgrading {where} would break links between records; nothing changed.</source>
            <translation>La mise à niveau de {where} briserait des liens entre enregistrements ; rien n'a été modifié.</translation>
        </message>
        <message>
            <source>Back up a PostgreSQL database with pg_dump; Istiqbal backs up SQLite files.</source>
            <translation>Sauvegardez une base PostgreSQL avec pg_dump ; Istiqbal sauvegarde les fichiers SQLite.</translation>
        </message>
        <message>
            <source>The backup could not be written: {reason}</source>
            <translation>La sauvegarde n'a pas pu être écrite : {reason}</translation>
        </message>
    </context>
    <context>
        <name>deadlines</name>
        <message>
            <source>The office timetable has no opening hours for two years; correct the timetables.</source>
            <translation>L'horaire ne compte aucune heure d'ouverture sur deux ans ; corrigez les horaires.</translation>
        </message>
        <message>
            <source>Deadline: {hours} working hours after receipt, counted in office hours only (nights, weekends and public holidays excluded).</source>
            <translation>Délai : {hours} heures ouvrées après réception, comptées pendant les heures d'ouverture (nuits, week-ends et jours fériés exclus).</translation>
        </message>
        <message>
            <source>Deadline: {hours} calendar hours after receipt (circular C2.1).</source>
            <translation>Délai : {hours} heures calendaires après réception (circulaire C2.1).</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>Dans les délais</translation>
        </message>
        <message>
            <source>Due soon</source>
            <translation>Échéance proche</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>En retard</translation>
        </message>
        <message>
            <source>Answered in time</source>
            <translation>Répondu dans les délais</translation>
        </message>
        <message>
            <source>Answered late</source>
            <translation>Répondu en retard</translation>
        </message>
        <message>
            <source>Give the holiday a name.</source>
            <translation>Donnez un nom au jour férié.</translation>
        </message>
        <message>
            <source>{day} is already a holiday ({name}).</source>
            <translation>Le {day} est déjà férié ({name}).</translation>
        </message>
        <message>
            <source>This holiday was changed meanwhile; reopen the list.</source>
            <translation>Ce jour férié a été modifié entre-temps ; rouvrez la liste.</translation>
        </message>
        <message>
            <source>The period ends before it starts.</source>
            <translation>La période se termine avant de commencer.</translation>
        </message>
        <message>
            <source>A session closes at {closes}, before it opens.</source>
            <translation>Une séance ferme à {closes}, avant d'ouvrir.</translation>
        </message>
        <message>
            <source>This timetable was changed meanwhile; reopen the list.</source>
            <translation>Cet horaire a été modifié entre-temps ; rouvrez la liste.</translation>
        </message>
    </context>
    <context>
        <name>demo</name>
        <message>
            <source>--years must be between 1 and 10.</source>
            <translation>--years doit être compris entre 1 et 10.</translation>
        </message>
        <message>
            <source>Demo data goes only into an empty database; this one has users.</source>
            <translation>Les données de démonstration ne vont que dans une base vide ; celle-ci contient des utilisateurs.</translation>
        </message>
    </context>
    <context>
        <name>kpi</name>
        <message>
            <source>Requests received</source>
            <translation>Demandes reçues</translation>
        </message>
        <message>
            <source>Requests whose deadline can be judged</source>
            <translation>Demandes dont le délai peut être jugé</translation>
        </message>
        <message>
            <source>Requests answered or noticed on time</source>
            <translation>Demandes traitées ou avisées dans le délai</translation>
        </message>
        <message>
            <source>Requests answered within the deadline (%)</source>
            <translation>Demandes traitées dans le délai (%)</translation>
        </message>
        <message>
            <source>Senders told the answer needs documents or coordination</source>
            <translation>Expéditeurs avisés que la réponse exige des documents ou une coordination</translation>
        </message>
        <message>
            <source>Median hours to first response</source>
            <translation>Heures médianes jusqu'à la première réponse</translation>
        </message>
        <message>
            <source>Requests overdue and unanswered at period end</source>
            <translation>Demandes en retard sans réponse en fin de période</translation>
        </message>
        <message>
            <source>Requests closed</source>
            <translation>Demandes clôturées</translation>
        </message>
        <message>
            <source>Complaints received</source>
            <translation>Réclamations reçues</translation>
        </message>
        <message>
            <source>Requests from particular categories of users</source>
            <translation>Demandes des catégories particulières d'usagers</translation>
        </message>
        <message>
            <source>Phone lines in service</source>
            <translation>Lignes téléphoniques en service</translation>
        </message>
        <message>
            <source>Lines checked in the period (%)</source>
            <translation>Lignes contrôlées dans la période (%)</translation>
        </message>
        <message>
            <source>Lines working at their last check (%)</source>
            <translation>Lignes fonctionnelles au dernier contrôle (%)</translation>
        </message>
        <message>
            <source>Lines published on the website (%)</source>
            <translation>Lignes publiées sur le site web (%)</translation>
        </message>
        <message>
            <source>Line faults reported</source>
            <translation>Pannes de ligne signalées</translation>
        </message>
        <message>
            <source>Faults still open at period end</source>
            <translation>Pannes encore ouvertes en fin de période</translation>
        </message>
        <message>
            <source>Mean hours to repair a fault</source>
            <translation>Heures moyennes de réparation d'une panne</translation>
        </message>
        <message>
            <source>Calls evaluated</source>
            <translation>Appels évalués</translation>
        </message>
        <message>
            <source>Calls picked up in time (%)</source>
            <translation>Appels décrochés à temps (%)</translation>
        </message>
        <message>
            <source>Calls where the agent greeted first (%)</source>
            <translation>Appels où l'agent a salué le premier (%)</translation>
        </message>
        <message>
            <source>Calls where the agent named the body (%)</source>
            <translation>Appels où l'agent a nommé l'organisme (%)</translation>
        </message>
        <message>
            <source>Mean call evaluation score</source>
            <translation>Note moyenne d'évaluation des appels</translation>
        </message>
        <message>
            <source>Inbound calls recorded by the PBX</source>
            <translation>Appels entrants enregistrés par l'autocommutateur</translation>
        </message>
        <message>
            <source>Inbound calls answered (%)</source>
            <translation>Appels entrants répondus (%)</translation>
        </message>
        <message>
            <source>Median seconds to answer</source>
            <translation>Secondes médianes avant réponse</translation>
        </message>
        <message>
            <source>Peak hour of inbound calls</source>
            <translation>Heure de pointe des appels entrants</translation>
        </message>
        <message>
            <source>Training sessions held</source>
            <translation>Sessions de formation tenues</translation>
        </message>
        <message>
            <source>Training person-hours</source>
            <translation>Heures-personnes de formation</translation>
        </message>
        <message>
            <source>Reception agents active</source>
            <translation>Agents d'accueil en activité</translation>
        </message>
        <message>
            <source>Agents trained in the period (%)</source>
            <translation>Agents formés dans la période (%)</translation>
        </message>
        <message>
            <source>Agents trained to serve particular categories of users (%)</source>
            <translation>Agents formés à l'accueil des catégories particulières (%)</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Istiqbal</source>
            <translation>Istiqbal</translation>
        </message>
        <message>
            <source>Something went wrong inside Istiqbal. Nothing was saved.</source>
            <translation>Une erreur interne s'est produite dans Istiqbal. Rien n'a été enregistré.</translation>
        </message>
    </context>
    <context>
        <name>pages</name>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>Utilisateurs</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>Journal d'audit</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requêtes</translation>
        </message>
    </context>
    <context>
        <name>periods</name>
        <message>
            <source>“{text}” is not a period: write 2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30.</source>
            <translation>« {text} » n'est pas une période : écrivez 2026-Q3, 2026-07, 2026 ou 2026-07-01..2026-09-30.</translation>
        </message>
    </context>
    <context>
        <name>permissions</name>
        <message>
            <source>Your role ({role}) does not allow this action.</source>
            <translation>Votre rôle ({role}) ne permet pas cette action.</translation>
        </message>
    </context>
    <context>
        <name>requests</name>
        <message>
            <source>E-mail</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <source>Telephone</source>
            <translation>Téléphone</translation>
        </message>
        <message>
            <source>Web portal</source>
            <translation>Portail web</translation>
        </message>
        <message>
            <source>Fax</source>
            <translation>Fax</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Courrier</translation>
        </message>
        <message>
            <source>In person</source>
            <translation>Sur place</translation>
        </message>
        <message>
            <source>Social networks</source>
            <translation>Réseaux sociaux</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>Demande</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>Réclamation</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Signalement</translation>
        </message>
        <message>
            <source>Inquiry</source>
            <translation>Renseignement</translation>
        </message>
        <message>
            <source>Suggestion</source>
            <translation>Suggestion</translation>
        </message>
        <message>
            <source>Person with a disability</source>
            <translation>Personne handicapée</translation>
        </message>
        <message>
            <source>Elderly person</source>
            <translation>Personne âgée</translation>
        </message>
        <message>
            <source>Other particular category</source>
            <translation>Autre catégorie particulière</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Nouveau</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>Attribué</translation>
        </message>
        <message>
            <source>Notice sent</source>
            <translation>Avis envoyé</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Répondu</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Clôturé</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Reçu</translation>
        </message>
        <message>
            <source>Imported from the register</source>
            <translation>Importé du registre</translation>
        </message>
        <message>
            <source>Notice to the sender</source>
            <translation>Avis à l'expéditeur</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Réponse</translation>
        </message>
        <message>
            <source>Reopened</source>
            <translation>Rouvert</translation>
        </message>
        <message>
            <source>Personal data removed</source>
            <translation>Données personnelles supprimées</translation>
        </message>
        <message>
            <source>“{text}” is not a valid e-mail address.</source>
            <translation>« {text} » n'est pas une adresse électronique valide.</translation>
        </message>
        <message>
            <source>“{text}” is neither an e-mail address nor a telephone number.</source>
            <translation>« {text} » n'est ni une adresse électronique ni un numéro de téléphone.</translation>
        </message>
        <message>
            <source>“{value}” is not a valid {what}.</source>
            <translation>« {value} » n'est pas une valeur valide pour : {what}.</translation>
        </message>
        <message>
            <source>This request no longer exists.</source>
            <translation>Cette requête n'existe plus.</translation>
        </message>
        <message>
            <source>Request {ref} was changed by someone else meanwhile; reopen it.</source>
            <translation>La requête {ref} a été modifiée entre-temps par quelqu'un d'autre ; rouvrez-la.</translation>
        </message>
        <message>
            <source>A step cannot be dated in the future.</source>
            <translation>Une étape ne peut pas être datée dans le futur.</translation>
        </message>
        <message>
            <source>A step cannot be dated before the request arrived.</source>
            <translation>Une étape ne peut pas être datée avant la réception de la requête.</translation>
        </message>
        <message>
            <source>This agent no longer exists.</source>
            <translation>Cet agent n'existe plus.</translation>
        </message>
        <message>
            <source>channel</source>
            <translation>canal</translation>
        </message>
        <message>
            <source>type</source>
            <translation>type</translation>
        </message>
        <message>
            <source>category</source>
            <translation>catégorie</translation>
        </message>
        <message>
            <source>Write the subject of the request.</source>
            <translation>Indiquez l'objet de la requête.</translation>
        </message>
        <message>
            <source>kind of response</source>
            <translation>type de réponse</translation>
        </message>
        <message>
            <source>Name the documents needed or the body to coordinate with.</source>
            <translation>Indiquez les documents nécessaires ou l'organisme avec lequel se coordonner.</translation>
        </message>
        <message>
            <source>Write the answer given to the citizen.</source>
            <translation>Indiquez la réponse donnée au citoyen.</translation>
        </message>
        <message>
            <source>Request {ref} is closed; reopen it first.</source>
            <translation>La requête {ref} est clôturée ; rouvrez-la d'abord.</translation>
        </message>
        <message>
            <source>Request {ref} is already closed.</source>
            <translation>La requête {ref} est déjà clôturée.</translation>
        </message>
        <message>
            <source>Record the answer given before closing request {ref}.</source>
            <translation>Enregistrez la réponse donnée avant de clôturer la requête {ref}.</translation>
        </message>
        <message>
            <source>Say why the request is reopened.</source>
            <translation>Indiquez pourquoi la requête est rouverte.</translation>
        </message>
        <message>
            <source>Request {ref} is not closed.</source>
            <translation>La requête {ref} n'est pas clôturée.</translation>
        </message>
        <message>
            <source>Give the citizen's name, e-mail or telephone.</source>
            <translation>Indiquez le nom, le courriel ou le téléphone du citoyen.</translation>
        </message>
    </context>
    <context>
        <name>requests_file</name>
        <message>
            <source>“{text}” is not a date and time; write 2026-02-03 14:20 or 03/02/2026 14:20.</source>
            <translation>« {text} » n'est pas une date et une heure ; écrivez 2026-02-03 14:20 ou 03/02/2026 14:20.</translation>
        </message>
        <message>
            <source>“{text}” has no time; counted from midnight.</source>
            <translation>« {text} » n'a pas d'heure ; compté à partir de minuit.</translation>
        </message>
        <message>
            <source>This cell is empty.</source>
            <translation>Cette cellule est vide.</translation>
        </message>
        <message>
            <source>“{text}” is not a known value for this column.</source>
            <translation>« {text} » n'est pas une valeur connue pour cette colonne.</translation>
        </message>
        <message>
            <source>“{text}” is in the future.</source>
            <translation>« {text} » est dans le futur.</translation>
        </message>
        <message>
            <source>“{text}” is before the request was received.</source>
            <translation>« {text} » est antérieur à la réception de la requête.</translation>
        </message>
        <message>
            <source>A kind of response without its date was ignored.</source>
            <translation>Un type de réponse sans date a été ignoré.</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requêtes</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Received at</source>
            <translation>Reçu le</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Canal</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Citizen</source>
            <translation>Citoyen</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texte</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Historique</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Étape</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
    </context>
    <context>
        <name>requests_report</name>
        <message>
            <source>Value</source>
            <translation>Valeur</translation>
        </message>
        <message>
            <source>Requests by month</source>
            <translation>Requêtes par mois</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Mois</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Reçues</translation>
        </message>
        <message>
            <source>Answered in time</source>
            <translation>Répondues dans les délais</translation>
        </message>
        <message>
            <source>Late or unanswered</source>
            <translation>En retard ou sans réponse</translation>
        </message>
        <message>
            <source>% in time</source>
            <translation>% dans les délais</translation>
        </message>
        <message>
            <source>Requests overdue at the end of the period</source>
            <translation>Requêtes en retard à la fin de la période</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Canal</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>First response</source>
            <translation>Première réponse</translation>
        </message>
        <message>
            <source>No answer and no notice to the sender before the deadline (C2.1).</source>
            <translation>Ni réponse ni avis à l'expéditeur avant l'échéance (C2.1).</translation>
        </message>
        <message>
            <source>Citizen requests</source>
            <translation>Requêtes des citoyens</translation>
        </message>
        <message>
            <source>By channel</source>
            <translation>Par canal</translation>
        </message>
        <message>
            <source>By type</source>
            <translation>Par type</translation>
        </message>
        <message>
            <source>Particular categories of users (C8.6)</source>
            <translation>Catégories particulières d'usagers (C8.6)</translation>
        </message>
        <message>
            <source>{ref} — {subject} (deadline {when})</source>
            <translation>{ref} — {subject} (échéance {when})</translation>
        </message>
        <message>
            <source>Requests overdue</source>
            <translation>Requêtes en retard</translation>
        </message>
        <message>
            <source>Requests due soon</source>
            <translation>Requêtes à échéance proche</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <source>Administrator</source>
            <translation>Administrateur</translation>
        </message>
        <message>
            <source>Reception supervisor</source>
            <translation>Responsable de l'accueil</translation>
        </message>
        <message>
            <source>Human resources</source>
            <translation>Ressources humaines</translation>
        </message>
        <message>
            <source>Director</source>
            <translation>Directeur</translation>
        </message>
        <message>
            <source>Reception agent</source>
            <translation>Agent d'accueil</translation>
        </message>
    </context>
    <context>
        <name>settings</name>
        <message>
            <source>“{value}” is not an e-mail address.</source>
            <translation>« {value} » n'est pas une adresse e-mail.</translation>
        </message>
        <message>
            <source>The deadline clock is either “calendar” or “working”.</source>
            <translation>Le décompte du délai est soit « calendar » (heures calendaires), soit « working » (heures ouvrées).</translation>
        </message>
        <message>
            <source>The value “{value}” is not valid for {key}.</source>
            <translation>La valeur « {value} » n'est pas valable pour {key}.</translation>
        </message>
        <message>
            <source>{key} must be at least {minimum}.</source>
            <translation>{key} doit valoir au moins {minimum}.</translation>
        </message>
        <message>
            <source>{key} must be at most {maximum}.</source>
            <translation>{key} doit valoir au plus {maximum}.</translation>
        </message>
        <message>
            <source>Unknown setting {key}.</source>
            <translation>Paramètre inconnu : {key}.</translation>
        </message>
    </context>
    <context>
        <name>tabular</name>
        <message>
            <source>{file} is in an encoding Istiqbal cannot read; save it as UTF-8 CSV.</source>
            <translation>{file} est dans un encodage qu'Istiqbal ne sait pas lire ; enregistrez-le en CSV UTF-8.</translation>
        </message>
        <message>
            <source>{file} is not a readable CSV file (line {line}): {reason}</source>
            <translation>{file} n'est pas un fichier CSV lisible (ligne {line}) : {reason}</translation>
        </message>
        <message>
            <source>{file} is not a readable Excel workbook (.xlsx).</source>
            <translation>{file} n'est pas un classeur Excel lisible (.xlsx).</translation>
        </message>
        <message>
            <source>The file {file} does not exist.</source>
            <translation>Le fichier {file} n'existe pas.</translation>
        </message>
        <message>
            <source>{file}: only .csv and .xlsx files can be imported.</source>
            <translation>{file} : seuls les fichiers .csv et .xlsx peuvent être importés.</translation>
        </message>
        <message>
            <source>{file} cannot be read: is it open in another program?</source>
            <translation>Impossible de lire {file} : est-il ouvert dans un autre programme ?</translation>
        </message>
        <message>
            <source>{file}: no header row naming the columns {names} was found.</source>
            <translation>{file} : aucune ligne d'en-tête nommant les colonnes {names} n'a été trouvée.</translation>
        </message>
    </context>
    <context>
        <name>workers</name>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
</TS>
