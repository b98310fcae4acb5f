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
        <name>ActionListBox</name>
        <message>
            <source>{title} ({count})</source>
            <translation>{title} ({count})</translation>
        </message>
        <message>
            <source>Nothing to do.</source>
            <translation>Rien à faire.</translation>
        </message>
        <message>
            <source>Show them all</source>
            <translation>Les afficher toutes</translation>
        </message>
    </context>
    <context>
        <name>AgentDialog</name>
        <message>
            <source>New agent</source>
            <translation>Nouvel agent</translation>
        </message>
        <message>
            <source>Edit agent</source>
            <translation>Modifier l'agent</translation>
        </message>
        <message>
            <source>Left on</source>
            <translation>Parti le</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(aucun)</translation>
        </message>
        <message>
            <source>(no account)</source>
            <translation>(sans compte)</translation>
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
            <source>Staff number</source>
            <translation>Matricule</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unité</translation>
        </message>
        <message>
            <source>Extension</source>
            <translation>Poste téléphonique</translation>
        </message>
        <message>
            <source>Active from</source>
            <translation>En fonction depuis</translation>
        </message>
        <message>
            <source>Reception post</source>
            <translation>Poste d'accueil</translation>
        </message>
        <message>
            <source>User account</source>
            <translation>Compte utilisateur</translation>
        </message>
        <message>
            <source>Lines answered</source>
            <translation>Lignes tenues</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>AgentEvaluationsTab</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Méthode</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Commentaire</translation>
        </message>
        <message>
            <source>Your role does not allow reading call evaluations.</source>
            <translation>Votre rôle ne permet pas de consulter les évaluations d'appels.</translation>
        </message>
        <message>
            <source>No call of this agent has been evaluated yet.</source>
            <translation>Aucun appel de cet agent n'a encore été évalué.</translation>
        </message>
        <message numerus="yes">
            <source>Evaluations: %n, mean score {score} out of 100.</source>
            <translation>
                <numerusform>%n évaluation, note moyenne {score} sur 100.</numerusform>
                <numerusform>%n évaluations, note moyenne {score} sur 100.</numerusform>
            </translation>
        </message>
        <message>
            <source>{score} (not answered)</source>
            <translation>{score} (sans réponse)</translation>
        </message>
        <message>
            <source>Call evaluations</source>
            <translation>Appels évalués</translation>
        </message>
    </context>
    <context>
        <name>AgentProfile</name>
        <message>
            <source>Other name</source>
            <translation>Autre nom</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>Matricule</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unité</translation>
        </message>
        <message>
            <source>Post and extension</source>
            <translation>Poste et numéro interne</translation>
        </message>
        <message>
            <source>Lines answered</source>
            <translation>Lignes tenues</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>En fonction</translation>
        </message>
        <message>
            <source>User account</source>
            <translation>Compte utilisateur</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Session</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Thème</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Heures</translation>
        </message>
        <message>
            <source>Attended</source>
            <translation>Présent</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Règle</translation>
        </message>
        <message>
            <source>Due since</source>
            <translation>Dû depuis</translation>
        </message>
        <message>
            <source>Last trained</source>
            <translation>Dernière formation</translation>
        </message>
        <message>
            <source>Guide</source>
            <translation>Guide</translation>
        </message>
        <message>
            <source>Current version</source>
            <translation>Version en vigueur</translation>
        </message>
        <message>
            <source>Version read</source>
            <translation>Version lue</translation>
        </message>
        <message>
            <source>Read on</source>
            <translation>Lu le</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Date of the text</source>
            <translation>Date du texte</translation>
        </message>
        <message>
            <source>Informed on</source>
            <translation>Informé le</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>Distinction</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <source>Awarded on</source>
            <translation>Décernée le</translation>
        </message>
        <message>
            <source>Equipment</source>
            <translation>Équipement</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Remarque</translation>
        </message>
        <message>
            <source>Training plan rules not met</source>
            <translation>Règles du plan de formation non respectées</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Formation</translation>
        </message>
        <message>
            <source>Guides read</source>
            <translation>Guides lus</translation>
        </message>
        <message>
            <source>Legal updates</source>
            <translation>Textes juridiques</translation>
        </message>
        <message>
            <source>Recognitions</source>
            <translation>Distinctions</translation>
        </message>
        <message>
            <source>Post equipment</source>
            <translation>Équipement</translation>
        </message>
        <message>
            <source>Choose an agent in the list.</source>
            <translation>Choisissez un agent dans la liste.</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucune</translation>
        </message>
        <message>
            <source>today</source>
            <translation>aujourd'hui</translation>
        </message>
        <message>
            <source>from {start} to {end}</source>
            <translation>du {start} au {end}</translation>
        </message>
        <message>
            <source>none: the agent does not sign in to Istiqbal</source>
            <translation>aucun : l'agent ne se connecte pas à Istiqbal</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>Absent</translation>
        </message>
        <message>
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <source>The agent meets every rule of the training plan.</source>
            <translation>L'agent respecte toutes les règles du plan de formation.</translation>
        </message>
        <message>
            <source>not read</source>
            <translation>non lu</translation>
        </message>
    </context>
    <context>
        <name>AgentsPage</name>
        <message>
            <source>Reception agents</source>
            <translation>Agents d'accueil</translation>
        </message>
        <message>
            <source>Who answers the public, on which lines and at which post, and everything about their training, guides and recognition (C8.3, C8.5, C8.6).</source>
            <translation>Qui répond au public, sur quelles lignes et à quel poste, et tout sur leur formation, leurs guides et leurs distinctions (C8.3, C8.5, C8.6).</translation>
        </message>
        <message>
            <source>New agent…</source>
            <translation>Nouvel agent…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Modifier…</translation>
        </message>
        <message>
            <source>Search name, staff number, unit…</source>
            <translation>Rechercher nom, matricule, unité…</translation>
        </message>
        <message>
            <source>Active agents only</source>
            <translation>Agents en fonction seulement</translation>
        </message>
    </context>
    <context>
        <name>AgentsTableModel</name>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>Matricule</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unité</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>En fonction</translation>
        </message>
        <message>
            <source>Inactive</source>
            <translation>Plus en fonction</translation>
        </message>
    </context>
    <context>
        <name>AnswerSelector</name>
        <message>
            <source>1 Yes</source>
            <translation>1 Oui</translation>
        </message>
        <message>
            <source>2 No</source>
            <translation>2 Non</translation>
        </message>
        <message>
            <source>3 N/A</source>
            <translation>3 S.O.</translation>
        </message>
    </context>
    <context>
        <name>AttendeePicker</name>
        <message>
            <source>Filter by name…</source>
            <translation>Filtrer par nom…</translation>
        </message>
        <message>
            <source>Tick all shown</source>
            <translation>Cocher tous les affichés</translation>
        </message>
        <message>
            <source>Untick all</source>
            <translation>Tout décocher</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Attended</source>
            <translation>Présent</translation>
        </message>
        <message>
            <source>Score /100</source>
            <translation>Note /100</translation>
        </message>
        <message numerus="yes">
            <source>%n selected</source>
            <translation>
                <numerusform>%n sélectionné</numerusform>
                <numerusform>%n sélectionnés</numerusform>
            </translation>
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
        <message numerus="yes">
            <source>Dates still estimated: %n. Confirm or move each one once the official announcement is made.</source>
            <translation>
                <numerusform>%n date encore estimée : confirmez-la ou déplacez-la dès l'annonce officielle.</numerusform>
                <numerusform>%n dates encore estimées : confirmez ou déplacez chacune dès l'annonce officielle.</numerusform>
            </translation>
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
        <name>CallbackDialog</name>
        <message>
            <source>Record a call-back</source>
            <translation>Enregistrer un rappel</translation>
        </message>
        <message>
            <source>Number called</source>
            <translation>Numéro appelé</translation>
        </message>
        <message>
            <source>Called at</source>
            <translation>Appelé le</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>CallersTab</name>
        <message>
            <source>Callers' numbers are personal data: only the roles that handle calls (reception agents, supervisors) see this list.</source>
            <translation>Les numéros des appelants sont des données personnelles : seuls les rôles qui traitent les appels (agents d'accueil, superviseurs) voient cette liste.</translation>
        </message>
        <message>
            <source>All lines</source>
            <translation>Toutes les lignes</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>7 derniers jours</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>30 derniers jours</translation>
        </message>
        <message>
            <source>All days</source>
            <translation>Tous les jours</translation>
        </message>
        <message>
            <source>One day</source>
            <translation>Un jour</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Copy the number</source>
            <translation>Copier le numéro</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Appeler</translation>
        </message>
        <message>
            <source>Dial through the computer's phone program (softphone), where one is installed.</source>
            <translation>Composer par le logiciel téléphonique de l'ordinateur (softphone), s'il y en a un.</translation>
        </message>
        <message>
            <source>Record a call-back…</source>
            <translation>Enregistrer un rappel…</translation>
        </message>
        <message>
            <source>Export the list…</source>
            <translation>Exporter la liste…</translation>
        </message>
        <message>
            <source>Print the list…</source>
            <translation>Imprimer la liste…</translation>
        </message>
        <message>
            <source>Nobody to call back: every caller who missed the body has been reached.</source>
            <translation>Personne à rappeler : chaque appelant resté sans réponse a été joint.</translation>
        </message>
        <message numerus="yes">
            <source>Callers of {day} not reached yet: %n, oldest first.</source>
            <translation>
                <numerusform>%n appelant du {day} pas encore joint.</numerusform>
                <numerusform>%n appelants du {day} pas encore joints, les plus anciens d'abord.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Callers not reached yet: %n, oldest first.</source>
            <translation>
                <numerusform>%n appelant pas encore joint.</numerusform>
                <numerusform>%n appelants pas encore joints, les plus anciens d'abord.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Callers written to {path}: %n.</source>
            <translation>
                <numerusform>%n appelant écrit dans {path}.</numerusform>
                <numerusform>%n appelants écrits dans {path}.</numerusform>
            </translation>
        </message>
        <message>
            <source>No phone program on this computer opens tel: links; the number is copied, dial it from your phone.</source>
            <translation>Aucun logiciel de cet ordinateur n'ouvre les liens tel: ; le numéro est copié, composez-le depuis votre téléphone.</translation>
        </message>
        <message>
            <source>Export the callers to call back</source>
            <translation>Exporter les appelants à rappeler</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Classeur Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Callers to call back</source>
            <translation>Appelants à rappeler</translation>
        </message>
    </context>
    <context>
        <name>CallersTableModel</name>
        <message>
            <source>{m} min</source>
            <translation>{m} min</translation>
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation>{h} h {m} min</translation>
        </message>
        <message>
            <source>{d} d {h} h</source>
            <translation>{d} j {h} h</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Numéro</translation>
        </message>
        <message>
            <source>Line rung</source>
            <translation>Ligne appelée</translation>
        </message>
        <message>
            <source>Unanswered calls</source>
            <translation>Appels sans réponse</translation>
        </message>
        <message>
            <source>First call</source>
            <translation>Premier appel</translation>
        </message>
        <message>
            <source>Last call</source>
            <translation>Dernier appel</translation>
        </message>
        <message>
            <source>Waiting for</source>
            <translation>En attente depuis</translation>
        </message>
        <message>
            <source>Call-backs without answer</source>
            <translation>Rappels sans réponse</translation>
        </message>
    </context>
    <context>
        <name>CallsPage</name>
        <message>
            <source>Call traffic</source>
            <translation>Trafic d'appels</translation>
        </message>
        <message>
            <source>Inbound calls recorded by the phone system on the lines of the inventory: which lines and which hours lose calls, to reinforce them (C8.4).</source>
            <translation>Appels entrants enregistrés par l'autocommutateur sur les lignes de l'inventaire : quelles lignes et quelles heures perdent des appels, pour les renforcer (C8.4).</translation>
        </message>
        <message>
            <source>Traffic</source>
            <translation>Trafic</translation>
        </message>
        <message>
            <source>Callers to call back</source>
            <translation>Appelants à rappeler</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>Appels</translation>
        </message>
        <message>
            <source>Lost calls</source>
            <translation>Appels perdus</translation>
        </message>
        <message>
            <source>All lines</source>
            <translation>Toutes les lignes</translation>
        </message>
        <message>
            <source>Import call records…</source>
            <translation>Importer les relevés d'appels…</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Numéro</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Offered</source>
            <translation>Reçus</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Répondus</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>Occupé</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>Sans réponse</translation>
        </message>
        <message>
            <source>Answered (%)</source>
            <translation>Répondus (%)</translation>
        </message>
        <message>
            <source>Median s to answer</source>
            <translation>Médiane (s) avant réponse</translation>
        </message>
        <message>
            <source>Outside hours</source>
            <translation>Hors horaires</translation>
        </message>
        <message>
            <source>Week × hour</source>
            <translation>Semaine × heure</translation>
        </message>
        <message>
            <source>Time to answer (answered calls)</source>
            <translation>Délai de réponse (appels répondus)</translation>
        </message>
        <message numerus="yes">
            <source>Inbound calls: %Ln, {pct} % answered, {lost} lost. Peak hour: {hour}.</source>
            <translation>
                <numerusform>%Ln appel entrant, {pct} % répondus, {lost} perdus. Heure de pointe : {hour}.</numerusform>
                <numerusform>%Ln appels entrants, {pct} % répondus, {lost} perdus. Heure de pointe : {hour}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Calls imported: %n; already there: {d}.</source>
            <translation>
                <numerusform>%n appel importé ; déjà présents : {d}.</numerusform>
                <numerusform>%n appels importés ; déjà présents : {d}.</numerusform>
            </translation>
        </message>
        <message>
            <source>No inbound call recorded in this period: import the PBX's Master.csv.</source>
            <translation>Aucun appel entrant enregistré sur cette période : importez le Master.csv de l'autocommutateur.</translation>
        </message>
        <message>
            <source>Asterisk call records</source>
            <translation>Relevés d'appels Asterisk</translation>
        </message>
        <message>
            <source>Call records (*.csv);;All files (*)</source>
            <translation>Relevés d'appels (*.csv);;Tous les fichiers (*)</translation>
        </message>
    </context>
    <context>
        <name>CampaignDialog</name>
        <message>
            <source>Plan a mystery-call campaign</source>
            <translation>Planifier une campagne d'appels mystère</translation>
        </message>
        <message>
            <source>Citizen watch {quarter}</source>
            <translation>Citoyen mystère {quarter}</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
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
            <source>Calls per line</source>
            <translation>Appels par ligne</translation>
        </message>
        <message>
            <source>Lines to call</source>
            <translation>Lignes à appeler</translation>
        </message>
        <message>
            <source>Calls are drawn at random within the office hours set in Settings, under “Holidays and office hours”. Fax lines are not ticked.</source>
            <translation>Les appels sont tirés au hasard dans les horaires de travail réglés dans les Paramètres, sous « Jours fériés et horaires de travail ». Les lignes de fax ne sont pas cochées.</translation>
        </message>
    </context>
    <context>
        <name>CategoryNamesDialog</name>
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
        <name>CdrImportDialog</name>
        <message>
            <source>Import call records</source>
            <translation>Importer les relevés d'appels</translation>
        </message>
        <message>
            <source>The PBX writes times in UTC (usegmtime=yes in cdr.conf)</source>
            <translation>L'autocommutateur écrit les heures en UTC (usegmtime=yes dans cdr.conf)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importer</translation>
        </message>
        <message>
            <source>Reading the call records…</source>
            <translation>Lecture des relevés d'appels…</translation>
        </message>
        <message>
            <source>Calls to import: {n} (already imported: {d}).</source>
            <translation>Appels à importer : {n} (déjà importés : {d}).</translation>
        </message>
        <message>
            <source>Inbound on inventory lines: {n}</source>
            <translation>Entrants sur les lignes de l'inventaire : {n}</translation>
        </message>
        <message>
            <source>Outgoing: {n} · internal: {i} · to numbers missing from the inventory: {u}</source>
            <translation>Sortants : {n} · internes : {i} · vers des numéros absents de l'inventaire : {u}</translation>
        </message>
        <message>
            <source>From {first} to {last}</source>
            <translation>Du {first} au {last}</translation>
        </message>
        <message>
            <source>Calls already imported as missed, now answered: {n}</source>
            <translation>Appels déjà importés comme manqués, désormais répondus : {n}</translation>
        </message>
        <message>
            <source>Warning: {message}</source>
            <translation>Attention : {message}</translation>
        </message>
        <message>
            <source>Line {row}, {column}: {message}</source>
            <translation>Ligne {row}, {column} : {message}</translation>
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
        <name>DashboardPage</name>
        <message>
            <source>Dashboard</source>
            <translation>Tableau de bord</translation>
        </message>
        <message>
            <source>This quarter's indicators against their targets (C8.7). Worst first.</source>
            <translation>Les indicateurs du trimestre face à leurs cibles (C8.7). Les plus faibles d'abord.</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <source>Computing this quarter's indicators…</source>
            <translation>Calcul des indicateurs du trimestre…</translation>
        </message>
        <message>
            <source>{period}, from {first} to {last}</source>
            <translation>{period}, du {first} au {last}</translation>
        </message>
        <message numerus="yes">
            <source>First steps (%n left)</source>
            <translation>
                <numerusform>Premiers pas (%n restant)</numerusform>
                <numerusform>Premiers pas (%n restants)</numerusform>
            </translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouvrir</translation>
        </message>
        <message>
            <source>To do now</source>
            <translation>À faire maintenant</translation>
        </message>
        <message>
            <source>Nothing to do now.</source>
            <translation>Rien à faire pour l'instant.</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indicateurs</translation>
        </message>
    </context>
    <context>
        <name>DeadlineWatcher</name>
        <message numerus="yes">
            <source>Requests due within the warning window: %n ({refs})</source>
            <translation>
                <numerusform>%n requête arrive à échéance : {refs}</numerusform>
                <numerusform>%n requêtes arrivent à échéance : {refs}</numerusform>
            </translation>
        </message>
        <message>
            <source>Requests due soon</source>
            <translation>Requêtes à échéance proche</translation>
        </message>
    </context>
    <context>
        <name>DirectoryDialog</name>
        <message>
            <source>Public directory</source>
            <translation>Annuaire public</translation>
        </message>
        <message>
            <source>Language of the directory</source>
            <translation>Langue de l'annuaire</translation>
        </message>
        <message>
            <source>Only verified data goes out. Lines left out:</source>
            <translation>Seules les données vérifiées sont publiées. Lignes écartées :</translation>
        </message>
        <message>
            <source>Text for the foot of letters:</source>
            <translation>Texte pour le pied des courriers :</translation>
        </message>
        <message>
            <source>Save the poster (PDF)…</source>
            <translation>Enregistrer l'affiche (PDF)…</translation>
        </message>
        <message>
            <source>Save the web fragment (HTML)…</source>
            <translation>Enregistrer le fragment web (HTML)…</translation>
        </message>
        <message>
            <source>Copy the footer text</source>
            <translation>Copier le texte de pied de page</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>None.</source>
            <translation>Aucune.</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Web page (*.html)</source>
            <translation>Page web (*.html)</translation>
        </message>
        <message>
            <source>Save the directory</source>
            <translation>Enregistrer l'annuaire</translation>
        </message>
        <message>
            <source>Saved to {file}.</source>
            <translation>Enregistré dans {file}.</translation>
        </message>
    </context>
    <context>
        <name>EquipmentDialog</name>
        <message>
            <source>New reception post</source>
            <translation>Nouveau poste d'accueil</translation>
        </message>
        <message>
            <source>e.g. Switchboard desk 1</source>
            <translation>ex. Standard — poste 1</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Emplacement</translation>
        </message>
        <message>
            <source>{item} — {post}</source>
            <translation>{item} — {post}</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Remarque</translation>
        </message>
        <message>
            <source>Checked on</source>
            <translation>Vérifié le</translation>
        </message>
    </context>
    <context>
        <name>EquipmentTab</name>
        <message>
            <source>New post…</source>
            <translation>Nouveau poste…</translation>
        </message>
        <message>
            <source>Double-click an item to record its condition after a check.</source>
            <translation>Double-cliquez sur un équipement pour noter son état après vérification.</translation>
        </message>
        <message>
            <source>Posts with missing or broken equipment only</source>
            <translation>Postes avec équipement manquant ou en panne seulement</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Poste</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Emplacement</translation>
        </message>
        <message>
            <source>Agents</source>
            <translation>Agents</translation>
        </message>
    </context>
    <context>
        <name>EvaluationDialog</name>
        <message>
            <source>New call evaluation</source>
            <translation>Nouvelle évaluation d'appel</translation>
        </message>
        <message>
            <source>Empty when you made the call yourself</source>
            <translation>Vide si vous avez passé l'appel vous-même</translation>
        </message>
        <message>
            <source>(not known)</source>
            <translation>(inconnu)</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Répondu</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>How</source>
            <translation>Méthode</translation>
        </message>
        <message>
            <source>Caller (citizen watch)</source>
            <translation>Appelant (citoyen mystère)</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Seconds to pick up</source>
            <translation>Secondes avant de décrocher</translation>
        </message>
        <message>
            <source>Criteria (1 yes · 2 no · 3 not applicable)</source>
            <translation>Critères (1 oui · 2 non · 3 sans objet)</translation>
        </message>
        <message>
            <source>{name} ({weight})</source>
            <translation>{name} ({weight})</translation>
        </message>
        <message>
            <source>What went well, what to improve</source>
            <translation>Ce qui a été bien, ce qui est à améliorer</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Commentaire</translation>
        </message>
        <message>
            <source>Ctrl+Enter</source>
            <translation>Ctrl+Entrée</translation>
        </message>
        <message>
            <source>Not answered: the call scores 0.</source>
            <translation>Sans réponse : l'appel obtient 0.</translation>
        </message>
        <message>
            <source>Picked up in time (limit {n} s, C8.2).</source>
            <translation>Décroché dans le délai (limite {n} s, C8.2).</translation>
        </message>
        <message>
            <source>Picked up late (limit {n} s, C8.2).</source>
            <translation>Décroché en retard (limite {n} s, C8.2).</translation>
        </message>
    </context>
    <context>
        <name>EvaluationTableModel</name>
        <message>
            <source>When</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>How</source>
            <translation>Méthode</translation>
        </message>
        <message>
            <source>Picked up after</source>
            <translation>Décroché après</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Evaluator</source>
            <translation>Évaluateur</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Commentaire</translation>
        </message>
        <message>
            <source>not answered</source>
            <translation>sans réponse</translation>
        </message>
        <message>
            <source>{n} s</source>
            <translation>{n} s</translation>
        </message>
    </context>
    <context>
        <name>EvaluationsPage</name>
        <message>
            <source>Call evaluations</source>
            <translation>Évaluation des appels</translation>
        </message>
        <message>
            <source>Supervisor listening, mystery calls and citizen feedback, scored on the weighted scorecard (C8.2, C8.7).</source>
            <translation>Écoutes du superviseur, appels mystère et retours des citoyens, notés sur la grille pondérée (C8.2, C8.7).</translation>
        </message>
        <message>
            <source>Evaluations</source>
            <translation>Évaluations</translation>
        </message>
        <message>
            <source>Mystery-call campaigns</source>
            <translation>Campagnes d'appels mystère</translation>
        </message>
        <message>
            <source>Coaching</source>
            <translation>Accompagnement</translation>
        </message>
        <message>
            <source>Scorecard</source>
            <translation>Grille d'évaluation</translation>
        </message>
        <message>
            <source>New evaluation…</source>
            <translation>Nouvelle évaluation…</translation>
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <source>Every method</source>
            <translation>Toutes les méthodes</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Méthode</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>Campagne</translation>
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
            <source>Planned</source>
            <translation>Prévus</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Faits</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Répondus</translation>
        </message>
        <message>
            <source>Mean score</source>
            <translation>Note moyenne</translation>
        </message>
        <message>
            <source>Plan a campaign…</source>
            <translation>Planifier une campagne…</translation>
        </message>
        <message>
            <source>Only the calls still to make</source>
            <translation>Seulement les appels restant à faire</translation>
        </message>
        <message>
            <source>Call at</source>
            <translation>Appeler le</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Record the result…</source>
            <translation>Saisir le résultat…</translation>
        </message>
        <message>
            <source>to make</source>
            <translation>à faire</translation>
        </message>
        <message>
            <source>not answered</source>
            <translation>sans réponse</translation>
        </message>
        <message>
            <source>score {score}</source>
            <translation>note {score}</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Last twelve months, lowest score first</source>
            <translation>Douze derniers mois, note la plus basse d'abord</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Critère</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Respecté</translation>
        </message>
        <message>
            <source>Training that addresses it</source>
            <translation>Formation correspondante</translation>
        </message>
        <message>
            <source>{pct} %</source>
            <translation>{pct} %</translation>
        </message>
        <message>
            <source>Weakest criteria</source>
            <translation>Critères les plus faibles</translation>
        </message>
        <message>
            <source>Comments of the evaluators</source>
            <translation>Commentaires des évaluateurs</translation>
        </message>
        <message>
            <source>No agent evaluated yet.</source>
            <translation>Aucun agent évalué pour l'instant.</translation>
        </message>
        <message numerus="yes">
            <source>{name}: mean score {score}, evaluations: %n (target {target})</source>
            <translation>
                <numerusform>{name} : note moyenne {score} sur %n évaluation (objectif {target})</numerusform>
                <numerusform>{name} : note moyenne {score} sur %n évaluations (objectif {target})</numerusform>
            </translation>
        </message>
        <message>
            <source>{topic} (last attended {day})</source>
            <translation>{topic} (dernière formation le {day})</translation>
        </message>
        <message>
            <source>{topic} (never attended)</source>
            <translation>{topic} (jamais suivie)</translation>
        </message>
        <message>
            <source>Training to propose: {topics}</source>
            <translation>Formation à proposer : {topics}</translation>
        </message>
        <message>
            <source>No weak criterion.</source>
            <translation>Aucun critère faible.</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Poids</translation>
        </message>
        <message>
            <source>May be not applicable</source>
            <translation>Peut être sans objet</translation>
        </message>
        <message>
            <source>Training topic</source>
            <translation>Thème de formation</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <source>Edit the scorecard…</source>
            <translation>Modifier la grille…</translation>
        </message>
        <message>
            <source>Only an administrator edits the scorecard.</source>
            <translation>Seul un administrateur modifie la grille d'évaluation.</translation>
        </message>
        <message>
            <source>Version {n} saved. The evaluations recorded before keep their scores.</source>
            <translation>Version {n} enregistrée. Les évaluations saisies avant gardent leurs notes.</translation>
        </message>
        <message>
            <source>Version {n}. A criterion answered “not applicable” does not count; the score is the weight of the criteria met over the weight of those that apply, 0–100. Changing the scorecard never changes past scores.</source>
            <translation>Version {n}. Un critère « sans objet » ne compte pas ; la note est le poids des critères respectés sur le poids de ceux qui s'appliquent, de 0 à 100. Modifier la grille ne change jamais les notes passées.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to Istiqbal</source>
            <translation>Bienvenue dans Istiqbal</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Suivant</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Précédent</translation>
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
        <name>GuideDialog</name>
        <message>
            <source>New guide</source>
            <translation>Nouveau guide</translation>
        </message>
        <message>
            <source>Edit guide</source>
            <translation>Modifier le guide</translation>
        </message>
        <message>
            <source>Withdrawn from the library</source>
            <translation>Retiré de la bibliothèque</translation>
        </message>
        <message>
            <source>No file</source>
            <translation>Aucun fichier</translation>
        </message>
        <message>
            <source>Choose the file…</source>
            <translation>Choisir le fichier…</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Intitulé</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Thème</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Changing the version asks every agent to read it again, and needs the new version's file.</source>
            <translation>Changer de version demande à chaque agent de la relire, et exige le fichier de la nouvelle version.</translation>
        </message>
        <message>
            <source>Choose the file of version {version}</source>
            <translation>Choisissez le fichier de la version {version}</translation>
        </message>
        <message>
            <source>Version {version} needs its own file: choose it before saving.</source>
            <translation>La version {version} exige son propre fichier : choisissez-le avant d'enregistrer.</translation>
        </message>
        <message>
            <source>Reviewed on</source>
            <translation>Révisé le</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>Prochaine révision</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>Guide file</source>
            <translation>Fichier du guide</translation>
        </message>
    </context>
    <context>
        <name>GuidesTab</name>
        <message>
            <source>New guide…</source>
            <translation>Nouveau guide…</translation>
        </message>
        <message>
            <source>Edit or new version…</source>
            <translation>Modifier ou nouvelle version…</translation>
        </message>
        <message>
            <source>Open a copy of the file…</source>
            <translation>Enregistrer une copie du fichier…</translation>
        </message>
        <message>
            <source>I have read this version</source>
            <translation>J'ai lu cette version</translation>
        </message>
        <message>
            <source>Mark selected agents as having read it…</source>
            <translation>Noter la lecture par les agents sélectionnés…</translation>
        </message>
        <message>
            <source>Your account is not linked to an agent; ask HR to link it.</source>
            <translation>Votre compte n'est lié à aucun agent ; demandez aux RH de le lier.</translation>
        </message>
        <message>
            <source>Out of date only</source>
            <translation>Périmés seulement</translation>
        </message>
        <message>
            <source>Not read by everyone</source>
            <translation>Pas lus par tous</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Intitulé</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Thème</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>Prochaine révision</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>Lu</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Read the current version</source>
            <translation>A lu la version en vigueur</translation>
        </message>
        <message>
            <source>Last version read</source>
            <translation>Dernière version lue</translation>
        </message>
        <message>
            <source>Out of date</source>
            <translation>Périmé</translation>
        </message>
        <message>
            <source>Current</source>
            <translation>À jour</translation>
        </message>
        <message>
            <source>{n} of {m}</source>
            <translation>{n} sur {m}</translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>Pas encore</translation>
        </message>
        <message>
            <source>Save the guide</source>
            <translation>Enregistrer le guide</translation>
        </message>
        <message>
            <source>Recorded: you have read version {version} of {title}.</source>
            <translation>Enregistré : vous avez lu la version {version} de {title}.</translation>
        </message>
        <message>
            <source>Select in the list the agents who signed the reading sheet.</source>
            <translation>Sélectionnez dans la liste les agents qui ont signé la feuille de lecture.</translation>
        </message>
    </context>
    <context>
        <name>HeatmapWidget</name>
        <message>
            <source>Mon</source>
            <translation>Lun</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>Mar</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>Mer</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>Jeu</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>Ven</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>Sam</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>Dim</translation>
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
        <name>KpiTileWidget</name>
        <message>
            <source>Target {target}</source>
            <translation>Cible {target}</translation>
        </message>
        <message>
            <source>Last quarter: not measured</source>
            <translation>Trimestre précédent : non mesuré</translation>
        </message>
        <message>
            <source>Last quarter {previous}, unchanged</source>
            <translation>Trimestre précédent {previous}, inchangé</translation>
        </message>
        <message>
            <source>Last quarter {previous}, {arrow} {change}</source>
            <translation>Trimestre précédent {previous}, {arrow} {change}</translation>
        </message>
    </context>
    <context>
        <name>LegalUpdateDialog</name>
        <message>
            <source>Legal or procedural update</source>
            <translation>Mise à jour juridique ou procédurale</translation>
        </message>
        <message>
            <source>e.g. Circular no. 8 of 19 March 2020</source>
            <translation>ex. Circulaire n° 8 du 19 mars 2020</translation>
        </message>
        <message>
            <source>{name} (informed {date})</source>
            <translation>{name} (informé le {date})</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Date of the text</source>
            <translation>Date du texte</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Résumé</translation>
        </message>
        <message>
            <source>Newly ticked agents informed on</source>
            <translation>Agents nouvellement cochés informés le</translation>
        </message>
        <message>
            <source>Agents informed</source>
            <translation>Agents informés</translation>
        </message>
    </context>
    <context>
        <name>LegalUpdatesTab</name>
        <message>
            <source>New update…</source>
            <translation>Nouvelle mise à jour…</translation>
        </message>
        <message>
            <source>Edit, tick agents informed…</source>
            <translation>Modifier, cocher les agents informés…</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Résumé</translation>
        </message>
        <message>
            <source>Informed</source>
            <translation>Informés</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Informed on</source>
            <translation>Informé le</translation>
        </message>
        <message>
            <source>{n} of {m}</source>
            <translation>{n} sur {m}</translation>
        </message>
        <message>
            <source>Not informed</source>
            <translation>Non informé</translation>
        </message>
    </context>
    <context>
        <name>LineCheckDialog</name>
        <message>
            <source>Record a check</source>
            <translation>Enregistrer un contrôle</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Remarques</translation>
        </message>
    </context>
    <context>
        <name>LineDialog</name>
        <message>
            <source>Edit phone line</source>
            <translation>Modifier la ligne téléphonique</translation>
        </message>
        <message>
            <source>New phone line</source>
            <translation>Nouvelle ligne téléphonique</translation>
        </message>
        <message>
            <source>e.g. 71 563 500, 80 100 321 or 1899</source>
            <translation>ex. 71 563 500, 80 100 321 ou 1899</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Numéro</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Libellé</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Extension</source>
            <translation>Poste</translation>
        </message>
        <message>
            <source>Published on</source>
            <translation>Publié sur</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Remarques</translation>
        </message>
        <message>
            <source>Type the number as it is published.</source>
            <translation>Saisissez le numéro tel qu'il est publié.</translation>
        </message>
        <message>
            <source>Will be saved as {number}</source>
            <translation>Sera enregistré sous la forme {number}</translation>
        </message>
        <message>
            <source>Will be saved as {number}, extension {ext}</source>
            <translation>Sera enregistré sous la forme {number}, poste {ext}</translation>
        </message>
    </context>
    <context>
        <name>LineFaultDialog</name>
        <message>
            <source>Report a fault</source>
            <translation>Signaler une panne</translation>
        </message>
        <message>
            <source>What callers hear: no tone, busy all day…</source>
            <translation>Ce qu'entendent les appelants : pas de tonalité, occupé toute la journée…</translation>
        </message>
        <message>
            <source>Reference given by the operator</source>
            <translation>Référence donnée par l'opérateur</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Noticed at</source>
            <translation>Constatée le</translation>
        </message>
        <message>
            <source>Symptom</source>
            <translation>Symptôme</translation>
        </message>
        <message>
            <source>Operator ticket</source>
            <translation>Ticket de l'opérateur</translation>
        </message>
    </context>
    <context>
        <name>LineFaultsTab</name>
        <message>
            <source>Only faults not yet repaired</source>
            <translation>Seulement les pannes non réparées</translation>
        </message>
        <message>
            <source>Mark repaired…</source>
            <translation>Marquer réparée…</translation>
        </message>
    </context>
    <context>
        <name>LineFaultsTableModel</name>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>Signalée le</translation>
        </message>
        <message>
            <source>Symptom</source>
            <translation>Symptôme</translation>
        </message>
        <message>
            <source>Operator ticket</source>
            <translation>Ticket de l'opérateur</translation>
        </message>
        <message>
            <source>Repaired</source>
            <translation>Réparée le</translation>
        </message>
        <message>
            <source>Age / repair time</source>
            <translation>Ancienneté / durée de réparation</translation>
        </message>
        <message>
            <source>open</source>
            <translation>en cours</translation>
        </message>
        <message>
            <source>{n} days</source>
            <translation>{n} jours</translation>
        </message>
        <message>
            <source>{n} h</source>
            <translation>{n} h</translation>
        </message>
    </context>
    <context>
        <name>LineForwardDialog</name>
        <message>
            <source>Forward the line to an agent</source>
            <translation>Renvoyer la ligne vers un agent</translation>
        </message>
        <message>
            <source>The agent's phone, e.g. 98 123 456</source>
            <translation>Téléphone de l'agent, ex. 98 123 456</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Agent who answers</source>
            <translation>Agent qui répond</translation>
        </message>
        <message>
            <source>Forwarded to</source>
            <translation>Renvoyé vers</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Au</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Remarques</translation>
        </message>
        <message>
            <source>Set the forwarding on the switchboard as well; Istiqbal records who answers the line and shows it on the inventory.</source>
            <translation>Programmez aussi le renvoi sur le standard ; Istiqbal enregistre qui répond à la ligne et l'affiche dans l'inventaire.</translation>
        </message>
        <message>
            <source>No reception agent is registered yet: add agents first.</source>
            <translation>Aucun agent d'accueil n'est encore enregistré : ajoutez d'abord les agents.</translation>
        </message>
    </context>
    <context>
        <name>LineForwardingTab</name>
        <message>
            <source>End the forwarding now</source>
            <translation>Arrêter le renvoi maintenant</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Agent who answers</source>
            <translation>Agent qui répond</translation>
        </message>
        <message>
            <source>Forwarded to</source>
            <translation>Renvoyé vers</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Au</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Remarques</translation>
        </message>
    </context>
    <context>
        <name>LineMaintenanceDialog</name>
        <message>
            <source>Schedule maintenance</source>
            <translation>Planifier une maintenance</translation>
        </message>
        <message>
            <source>e.g. switchboard check, handset cleaning</source>
            <translation>ex. contrôle du standard, nettoyage des combinés</translation>
        </message>
        <message>
            <source> days</source>
            <translation> jours</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>Tâche</translation>
        </message>
        <message>
            <source>Every</source>
            <translation>Tous les</translation>
        </message>
        <message>
            <source>Next due</source>
            <translation>Prochaine échéance</translation>
        </message>
    </context>
    <context>
        <name>LineMaintenanceTab</name>
        <message>
            <source>Only overdue maintenance</source>
            <translation>Seulement les maintenances en retard</translation>
        </message>
        <message>
            <source>Done today</source>
            <translation>Faite aujourd'hui</translation>
        </message>
        <message>
            <source>Remove from the schedule</source>
            <translation>Retirer du calendrier</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>Tâche</translation>
        </message>
        <message>
            <source>Every</source>
            <translation>Tous les</translation>
        </message>
        <message>
            <source>Last done</source>
            <translation>Dernière réalisation</translation>
        </message>
        <message>
            <source>Next due</source>
            <translation>Prochaine échéance</translation>
        </message>
        <message>
            <source>{date} — overdue</source>
            <translation>{date} — en retard</translation>
        </message>
        <message numerus="yes">
            <source>%n d</source>
            <translation>
                <numerusform>%n jour</numerusform>
                <numerusform>%n jours</numerusform>
            </translation>
        </message>
        <message>
            <source>Remove “{task}” from the schedule?</source>
            <translation>Retirer « {task} » du calendrier ?</translation>
        </message>
    </context>
    <context>
        <name>LinePeaksTab</name>
        <message>
            <source>Plan a peak period…</source>
            <translation>Planifier une période de pointe…</translation>
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
            <source>Peak period</source>
            <translation>Période de pointe</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Au</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Horaires</translation>
        </message>
        <message>
            <source>Extra lines</source>
            <translation>Lignes supplémentaires</translation>
        </message>
        <message>
            <source>Extra agents</source>
            <translation>Agents supplémentaires</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Remarques</translation>
        </message>
        <message>
            <source>Delete the plan “{title}”?</source>
            <translation>Supprimer le plan « {title} » ?</translation>
        </message>
    </context>
    <context>
        <name>LineRepairDialog</name>
        <message>
            <source>Mark the fault repaired</source>
            <translation>Marquer la panne comme réparée</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Symptom</source>
            <translation>Symptôme</translation>
        </message>
        <message>
            <source>Repaired at</source>
            <translation>Réparée le</translation>
        </message>
        <message>
            <source>What was done</source>
            <translation>Intervention effectuée</translation>
        </message>
    </context>
    <context>
        <name>LinesImportDialog</name>
        <message>
            <source>Import phone lines — {file}</source>
            <translation>Importer des lignes téléphoniques — {file}</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Ligne du fichier</translation>
        </message>
        <message>
            <source>Number as written</source>
            <translation>Numéro tel qu'écrit</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Libellé</translation>
        </message>
        <message>
            <source>Becomes</source>
            <translation>Devient</translation>
        </message>
        <message>
            <source>Remarks</source>
            <translation>Remarques</translation>
        </message>
        <message>
            <source>{column}: {message}</source>
            <translation>{column} : {message}</translation>
        </message>
        <message>
            <source>Already in the inventory or earlier in the file: {n}</source>
            <translation>Déjà dans l'inventaire ou plus haut dans le fichier : {n}</translation>
        </message>
        <message>
            <source>Rows that cannot be imported (in red): {bad}. Nothing will be written unless you correct the file or choose to skip them.</source>
            <translation>Lignes impossibles à importer (en rouge) : {bad}. Rien ne sera enregistré tant que vous ne corrigez pas le fichier ou ne choisissez pas de les ignorer.</translation>
        </message>
        <message>
            <source>New lines to add: {new}; numbers already in the inventory: {dup}.</source>
            <translation>Nouvelles lignes à ajouter : {new} ; numéros déjà dans l'inventaire : {dup}.</translation>
        </message>
        <message>
            <source>Importing the phone lines…</source>
            <translation>Import des lignes téléphoniques…</translation>
        </message>
        <message>
            <source>Skip the invalid rows and import the others</source>
            <translation>Ignorer les lignes invalides et importer les autres</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importer</translation>
        </message>
    </context>
    <context>
        <name>LinesInventoryTab</name>
        <message>
            <source>Search a number, label or department</source>
            <translation>Rechercher un numéro, un libellé ou un service</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Tous les types</translation>
        </message>
        <message>
            <source>In use (not retired)</source>
            <translation>En usage (non retirées)</translation>
        </message>
        <message>
            <source>Only lines due for a check</source>
            <translation>Seulement les lignes à contrôler</translation>
        </message>
        <message>
            <source>Add line…</source>
            <translation>Ajouter une ligne…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Modifier…</translation>
        </message>
        <message>
            <source>Record check</source>
            <translation>Enregistrer un contrôle</translation>
        </message>
        <message>
            <source>With notes or another time…</source>
            <translation>Avec remarques ou à une autre heure…</translation>
        </message>
        <message>
            <source>Withdraw my last check (within a day)…</source>
            <translation>Retirer mon dernier contrôle (dans la journée)…</translation>
        </message>
        <message>
            <source>Verification round</source>
            <translation>Tournée de vérification</translation>
        </message>
        <message>
            <source>Report fault…</source>
            <translation>Signaler une panne…</translation>
        </message>
        <message>
            <source>Forward…</source>
            <translation>Renvoyer…</translation>
        </message>
        <message>
            <source>Website audit…</source>
            <translation>Audit du site web…</translation>
        </message>
        <message>
            <source>More</source>
            <translation>Plus</translation>
        </message>
        <message>
            <source>Schedule maintenance…</source>
            <translation>Planifier une maintenance…</translation>
        </message>
        <message>
            <source>Import a directory (.csv, .xlsx)…</source>
            <translation>Importer un annuaire (.csv, .xlsx)…</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>Exporter vers Excel…</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Remarques</translation>
        </message>
        <message>
            <source>Verification round (due: {n})</source>
            <translation>Tournée de vérification (à faire : {n})</translation>
        </message>
        <message>
            <source>A fault is already open on this line since {when}: {symptom}</source>
            <translation>Une panne est déjà ouverte sur cette ligne depuis le {when} : {symptom}</translation>
        </message>
        <message>
            <source>Report a fault</source>
            <translation>Signaler une panne</translation>
        </message>
        <message>
            <source>The check found the line not working. Report a fault now (C8.4)?</source>
            <translation>Le contrôle a trouvé la ligne hors service. Signaler une panne maintenant (C8.4) ?</translation>
        </message>
        <message>
            <source>You recorded no check of this line in the last day.</source>
            <translation>Vous n'avez enregistré aucun contrôle de cette ligne depuis un jour.</translation>
        </message>
        <message>
            <source>Withdraw a check</source>
            <translation>Retirer un contrôle</translation>
        </message>
        <message>
            <source>Withdraw your check of {when} ({result})? Say why:</source>
            <translation>Retirer votre contrôle du {when} ({result}) ? Indiquez pourquoi :</translation>
        </message>
        <message>
            <source>Every line has been checked recently.</source>
            <translation>Toutes les lignes ont été contrôlées récemment.</translation>
        </message>
        <message>
            <source>Import a phone directory</source>
            <translation>Importer un annuaire téléphonique</translation>
        </message>
        <message>
            <source>Registers (*.csv *.xlsx)</source>
            <translation>Registres (*.csv *.xlsx)</translation>
        </message>
        <message>
            <source>Reading {file}…</source>
            <translation>Lecture de {file}…</translation>
        </message>
        <message>
            <source>Lines imported: {n}; already in the inventory: {d}.</source>
            <translation>Lignes importées : {n} ; déjà dans l'inventaire : {d}.</translation>
        </message>
        <message>
            <source>Export the inventory</source>
            <translation>Exporter l'inventaire</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Classeur Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>Écriture de {file}…</translation>
        </message>
        <message>
            <source>Lines written to {file}: {n}.</source>
            <translation>Lignes écrites dans {file} : {n}.</translation>
        </message>
    </context>
    <context>
        <name>LinesPage</name>
        <message>
            <source>Phone lines</source>
            <translation>Lignes téléphoniques</translation>
        </message>
        <message>
            <source>Every number the public can call: is it working, who answers it, where is it published, and what is broken (circulars 8/2020 and 2/2020).</source>
            <translation>Chaque numéro que le public peut appeler : fonctionne-t-il, qui répond, où est-il publié, qu'est-ce qui est en panne (circulaires 8/2020 et 2/2020).</translation>
        </message>
        <message>
            <source>Inventory</source>
            <translation>Inventaire</translation>
        </message>
        <message>
            <source>Faults</source>
            <translation>Pannes</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>Maintenance</translation>
        </message>
        <message>
            <source>Peak periods</source>
            <translation>Périodes de pointe</translation>
        </message>
        <message>
            <source>Forwarding</source>
            <translation>Renvois</translation>
        </message>
    </context>
    <context>
        <name>LinesTableModel</name>
        <message>
            <source>Number</source>
            <translation>Numéro</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Libellé</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Published on</source>
            <translation>Publié sur</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Last check</source>
            <translation>Dernier contrôle</translation>
        </message>
        <message>
            <source>Answered by now</source>
            <translation>Répond en ce moment</translation>
        </message>
        <message>
            <source>{status} (open faults: {n})</source>
            <translation>{status} (pannes en cours : {n})</translation>
        </message>
        <message>
            <source>never checked</source>
            <translation>jamais contrôlée</translation>
        </message>
        <message>
            <source>{date}: {result}</source>
            <translation>{date} : {result}</translation>
        </message>
        <message>
            <source>{agent} on {number}</source>
            <translation>{agent} au {number}</translation>
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
        <message>
            <source>Opening the database…</source>
            <translation>Ouverture de la base de données…</translation>
        </message>
    </context>
    <context>
        <name>MailFetcher</name>
        <message>
            <source>Mail fetched at {time}: {outcome}</source>
            <translation>Courrier relevé à {time} : {outcome}</translation>
        </message>
        <message>
            <source>Mail fetch at {time} failed: {outcome}</source>
            <translation>Échec de la relève du courrier à {time} : {outcome}</translation>
        </message>
    </context>
    <context>
        <name>MailTemplatesDialog</name>
        <message>
            <source>Letters sent by e-mail</source>
            <translation>Lettres envoyées par courriel</translation>
        </message>
        <message>
            <source>Acknowledgement</source>
            <translation>Accusé de réception</translation>
        </message>
        <message>
            <source>Notice</source>
            <translation>Avis</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Réponse</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Lettre</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Objet</translation>
        </message>
        <message>
            <source>Placeholders: {reference} {received} {deadline} {reason} {detail} {answer_by} {answer} {body_name} {signature}</source>
            <translation>Champs à remplacer : {reference} {received} {deadline} {reason} {detail} {answer_by} {answer} {body_name} {signature}</translation>
        </message>
    </context>
    <context>
        <name>MailboxDialog</name>
        <message>
            <source>Mailbox</source>
            <translation>Boîte aux lettres</translation>
        </message>
        <message>
            <source>Published address</source>
            <translation>Adresse publiée</translation>
        </message>
        <message>
            <source>IMAP server</source>
            <translation>Serveur IMAP</translation>
        </message>
        <message>
            <source>SMTP server</source>
            <translation>Serveur SMTP</translation>
        </message>
        <message>
            <source>the address, unless the provider says otherwise</source>
            <translation>l'adresse, sauf indication contraire du fournisseur</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Nom d'utilisateur</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>inchangé</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mot de passe</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <source>only for an internal server</source>
            <translation>uniquement pour un serveur interne</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <source>Certificate authority file</source>
            <translation>Fichier d'autorité de certification</translation>
        </message>
        <message>
            <source>Website front page</source>
            <translation>Page d'accueil du site</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Courriers</translation>
        </message>
        <message>
            <source>Posters</source>
            <translation>Affiches</translation>
        </message>
        <message>
            <source>Published on</source>
            <translation>Publiée sur</translation>
        </message>
        <message>
            <source>Acknowledge new mail automatically (not a response)</source>
            <translation>Accuser réception automatiquement (ce n'est pas une réponse)</translation>
        </message>
        <message>
            <source>Fetch this mailbox</source>
            <translation>Relever cette boîte</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Tester la connexion</translation>
        </message>
        <message>
            <source>TLS</source>
            <translation>TLS</translation>
        </message>
        <message>
            <source>STARTTLS</source>
            <translation>STARTTLS</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt)</source>
            <translation>Certificats (*.pem *.crt)</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connexion…</translation>
        </message>
    </context>
    <context>
        <name>MailboxesBox</name>
        <message>
            <source>Published mailboxes (C2.1)</source>
            <translation>Boîtes aux lettres publiées (C2.1)</translation>
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
            <source>Fetch now</source>
            <translation>Relever maintenant</translation>
        </message>
        <message>
            <source>Prove the addresses</source>
            <translation>Vérifier les adresses</translation>
        </message>
        <message>
            <source>Send a probe to each published address and check that it arrives (C2.1).</source>
            <translation>Envoyer un message test à chaque adresse publiée et vérifier qu'il arrive (C2.1).</translation>
        </message>
        <message>
            <source>Letters…</source>
            <translation>Lettres…</translation>
        </message>
        <message>
            <source>The acknowledgement, notice and answer sent by e-mail, in Arabic and French</source>
            <translation>L'accusé de réception, l'avis et la réponse envoyés par courriel, en arabe et en français</translation>
        </message>
        <message>
            <source>not fetched</source>
            <translation>non relevée</translation>
        </message>
        <message>
            <source>Delete mailbox</source>
            <translation>Supprimer la boîte aux lettres</translation>
        </message>
        <message>
            <source>Stop using {address}? The requests already received are kept.</source>
            <translation>Ne plus utiliser {address} ? Les demandes déjà reçues sont conservées.</translation>
        </message>
        <message>
            <source>Fetching mail…</source>
            <translation>Relève du courrier…</translation>
        </message>
        <message>
            <source>Proving the published addresses…</source>
            <translation>Vérification des adresses publiées…</translation>
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
        <message>
            <source>Your rights changed; sign in again.</source>
            <translation>Vos droits ont changé ; reconnectez-vous.</translation>
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
        <name>PurgeHistoryDialog</name>
        <message>
            <source>Past removals of personal data</source>
            <translation>Suppressions passées de données personnelles</translation>
        </message>
        <message>
            <source>No personal data has been removed yet.</source>
            <translation>Aucune donnée personnelle n'a encore été supprimée.</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>Older than</source>
            <translation>Antérieures au</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requêtes</translation>
        </message>
        <message>
            <source>References</source>
            <translation>Références</translation>
        </message>
    </context>
    <context>
        <name>ReadingSheetDialog</name>
        <message>
            <source>Signed reading sheet</source>
            <translation>Feuille de lecture signée</translation>
        </message>
        <message>
            <source>{title}, version {version}</source>
            <translation>{title}, version {version}</translation>
        </message>
        <message>
            <source>Guide</source>
            <translation>Guide</translation>
        </message>
        <message>
            <source>Agents</source>
            <translation>Agents</translation>
        </message>
        <message numerus="yes">
            <source>%n selected</source>
            <translation>
                <numerusform>%n sélectionné</numerusform>
                <numerusform>%n sélectionnés</numerusform>
            </translation>
        </message>
        <message>
            <source>Signed on</source>
            <translation>Signée le</translation>
        </message>
    </context>
    <context>
        <name>RecognitionDialog</name>
        <message>
            <source>Recognise an agent</source>
            <translation>Distinguer un agent</translation>
        </message>
        <message>
            <source>e.g. Agent of the quarter, letter of thanks</source>
            <translation>ex. Agent du trimestre, lettre de remerciements</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>Distinction</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <source>Awarded on</source>
            <translation>Décernée le</translation>
        </message>
    </context>
    <context>
        <name>RecognitionTab</name>
        <message>
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <source>2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30</source>
            <translation>2026-Q3, 2026-07, 2026 ou 2026-07-01..2026-09-30</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Afficher</translation>
        </message>
        <message>
            <source>Recognise the selected agent…</source>
            <translation>Distinguer l'agent sélectionné…</translation>
        </message>
        <message>
            <source>Candidates are ranked on training hours attended and assessment scores in the period, and on call evaluations. The overall score is the mean of the parts the agent has data for, listed under “Based on”.</source>
            <translation>Les candidats sont classés selon les heures de formation suivies et les notes d'évaluation de la période, et selon l'évaluation des appels. La note globale est la moyenne des éléments disponibles pour l'agent, indiqués sous « Sur la base de ».</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Rang</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Heures</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>Évaluation</translation>
        </message>
        <message>
            <source>Overall /100</source>
            <translation>Global /100</translation>
        </message>
        <message>
            <source>Based on</source>
            <translation>Sur la base de</translation>
        </message>
        <message>
            <source>Awards</source>
            <translation>Distinctions</translation>
        </message>
        <message>
            <source>Awarded on</source>
            <translation>Décernée le</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>Distinction</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <source>no data</source>
            <translation>aucune donnée</translation>
        </message>
    </context>
    <context>
        <name>ReinforcementPlanDialog</name>
        <message>
            <source>Peak-period reinforcement</source>
            <translation>Renfort en période de pointe</translation>
        </message>
        <message>
            <source>e.g. school enrolment, local tax deadline</source>
            <translation>ex. rentrée scolaire, échéance de la taxe locale</translation>
        </message>
        <message>
            <source>Peak period</source>
            <translation>Période de pointe</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Au</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Horaires</translation>
        </message>
        <message>
            <source>Extra lines</source>
            <translation>Lignes supplémentaires</translation>
        </message>
        <message>
            <source>Extra agents</source>
            <translation>Agents supplémentaires</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Remarques</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Reports</source>
            <translation>Rapports</translation>
        </message>
        <message>
            <source>The periodic evaluation of reception (C8.7): an Excel workbook to sign and send up, with every indicator, the areas' tables and an action plan.</source>
            <translation>L'évaluation périodique de l'accueil (C8.7) : un classeur Excel à signer et transmettre, avec chaque indicateur, les tableaux de chaque domaine et un plan d'action.</translation>
        </message>
        <message>
            <source>New report</source>
            <translation>Nouveau rapport</translation>
        </message>
        <message>
            <source>Quarter</source>
            <translation>Trimestre</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Mois</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
        <message>
            <source>From … to …</source>
            <translation>Du … au …</translation>
        </message>
        <message>
            <source>Quarter {q}</source>
            <translation>Trimestre {q}</translation>
        </message>
        <message>
            <source>Where to save the workbook</source>
            <translation>Où enregistrer le classeur</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choisir…</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>Make the report</source>
            <translation>Établir le rapport</translation>
        </message>
        <message>
            <source>Print preview of the summary…</source>
            <translation>Aperçu avant impression de la synthèse…</translation>
        </message>
        <message>
            <source>Save the summary as PDF…</source>
            <translation>Enregistrer la synthèse en PDF…</translation>
        </message>
        <message>
            <source>Save the report</source>
            <translation>Enregistrer le rapport</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Classeur Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Making the report…</source>
            <translation>Établissement du rapport…</translation>
        </message>
        <message>
            <source>Report written to {path}.</source>
            <translation>Rapport enregistré dans {path}.</translation>
        </message>
        <message>
            <source>Summary of the evaluation</source>
            <translation>Synthèse de l'évaluation</translation>
        </message>
        <message>
            <source>Save the summary as PDF</source>
            <translation>Enregistrer la synthèse en PDF</translation>
        </message>
        <message>
            <source>PDF file (*.pdf)</source>
            <translation>Fichier PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Summary saved as {path}.</source>
            <translation>Synthèse enregistrée dans {path}.</translation>
        </message>
        <message>
            <source>Cannot write {path}.</source>
            <translation>Impossible d'écrire {path}.</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicateur</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Valeur</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Cible</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>Période précédente</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>{period}, from {first} to {last}</source>
            <translation>{period}, du {first} au {last}</translation>
        </message>
        <message>
            <source>Reports made</source>
            <translation>Rapports établis</translation>
        </message>
        <message>
            <source>Made on</source>
            <translation>Établi le</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>Open the file</source>
            <translation>Ouvrir le fichier</translation>
        </message>
        <message>
            <source>Open its folder</source>
            <translation>Ouvrir son dossier</translation>
        </message>
        <message>
            <source>{path} no longer exists.</source>
            <translation>{path} n'existe plus.</translation>
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
            <source>Responded at</source>
            <translation>Répondu le</translation>
        </message>
        <message>
            <source>Notice: documents to consult or coordination with other bodies</source>
            <translation>Avis d'attente : documents à consulter ou coordination avec d'autres organismes</translation>
        </message>
        <message>
            <source>Answer announced for</source>
            <translation>Réponse annoncée pour le</translation>
        </message>
        <message>
            <source>How the sender was told (if not by the contact)</source>
            <translation>Comment l'expéditeur a été informé (sinon par le contact)</translation>
        </message>
        <message>
            <source>The answer given, or the documents to consult / the bodies to coordinate with</source>
            <translation>La réponse donnée, ou les documents à consulter / les organismes à coordonner</translation>
        </message>
        <message>
            <source>(not assigned)</source>
            <translation>(non attribuée)</translation>
        </message>
        <message>
            <source>Why entered after the fact (dated more than 15 minutes ago)</source>
            <translation>Motif de la saisie a posteriori (datée de plus de 15 minutes)</translation>
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
            <source>Competent body it was forwarded to</source>
            <translation>Organisme compétent auquel elle a été transmise</translation>
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
            <source>{reason}: {detail} — answer announced for {when}</source>
            <translation>{reason} : {detail} — réponse annoncée pour le {when}</translation>
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
            <source>Legal deadline (48 h, C2.1)</source>
            <translation>Délai légal (48 h, C2.1)</translation>
        </message>
        <message>
            <source>Internal target</source>
            <translation>Objectif interne</translation>
        </message>
        <message>
            <source>Notice (C2.1)</source>
            <translation>Avis d'attente (C2.1)</translation>
        </message>
        <message>
            <source>Closed as</source>
            <translation>Clôturée comme</translation>
        </message>
        <message>
            <source>Assigned to</source>
            <translation>Attribuée à</translation>
        </message>
        <message>
            <source>{step} — entered after the fact</source>
            <translation>{step} — saisi a posteriori</translation>
        </message>
        <message>
            <source>Recorded on {when}</source>
            <translation>Enregistré le {when}</translation>
        </message>
        <message>
            <source>Reason: {reason}</source>
            <translation>Motif : {reason}</translation>
        </message>
        <message>
            <source>Entered after the fact</source>
            <translation>Saisie a posteriori</translation>
        </message>
        <message>
            <source>This step is dated more than 15 minutes ago. Why is it entered now?</source>
            <translation>Cette étape est datée de plus de 15 minutes. Pourquoi est-elle saisie maintenant ?</translation>
        </message>
        <message>
            <source>Why is it reopened?</source>
            <translation>Pourquoi la rouvrir ?</translation>
        </message>
    </context>
    <context>
        <name>RequestMailBox</name>
        <message>
            <source>documents needed</source>
            <translation>documents nécessaires</translation>
        </message>
        <message>
            <source>coordination with other bodies</source>
            <translation>coordination avec d'autres organismes</translation>
        </message>
        <message>
            <source>Acknowledge by e-mail</source>
            <translation>Accuser réception par courriel</translation>
        </message>
        <message>
            <source>Send the response by e-mail</source>
            <translation>Envoyer la réponse par courriel</translation>
        </message>
        <message>
            <source>Original messages…</source>
            <translation>Messages d'origine…</translation>
        </message>
        <message>
            <source>Letter in</source>
            <translation>Lettre en</translation>
        </message>
        <message>
            <source>Notice for</source>
            <translation>Avis pour</translation>
        </message>
        <message>
            <source>answer by</source>
            <translation>réponse avant le</translation>
        </message>
        <message>
            <source>Not sent, will be retried: {subject} — {error}</source>
            <translation>Non envoyé, nouvel essai prévu : {subject} — {error}</translation>
        </message>
        <message>
            <source>Sent: the mail server accepted it at {when}.</source>
            <translation>Envoyé : le serveur de messagerie l'a accepté le {when}.</translation>
        </message>
        <message>
            <source>Not sent: {error}</source>
            <translation>Non envoyé : {error}</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>Envoi…</translation>
        </message>
        <message>
            <source>Original messages</source>
            <translation>Messages d'origine</translation>
        </message>
        <message>
            <source>Open {name}…</source>
            <translation>Ouvrir {name}…</translation>
        </message>
        <message>
            <source>Open attachment</source>
            <translation>Ouvrir la pièce jointe</translation>
        </message>
        <message>
            <source>Open {name}? It came from outside the body; open it only if you trust the sender.</source>
            <translation>Ouvrir {name} ? Ce fichier vient de l'extérieur ; ne l'ouvrez que si vous faites confiance à l'expéditeur.</translation>
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
        <message numerus="yes">
            <source>{file}: rows ready to import: %n; rows with a problem: {invalid}; warnings: {warnings}. Rows already in the register will be skipped.</source>
            <translation>
                <numerusform>{file} : %n ligne prête à importer ; lignes en erreur : {invalid} ; avertissements : {warnings}. Les lignes déjà présentes dans le registre seront ignorées.</numerusform>
                <numerusform>{file} : %n lignes prêtes à importer ; lignes en erreur : {invalid} ; avertissements : {warnings}. Les lignes déjà présentes dans le registre seront ignorées.</numerusform>
            </translation>
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
            <source>Past removals of personal data…</source>
            <translation>Suppressions passées de données personnelles…</translation>
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
            <source>Overdue after notice: {n}</source>
            <translation>En retard après avis : {n}</translation>
        </message>
        <message>
            <source>Import a requests register</source>
            <translation>Importer un registre des requêtes</translation>
        </message>
        <message>
            <source>Registers (*.xlsx *.csv)</source>
            <translation>Registres (*.xlsx *.csv)</translation>
        </message>
        <message numerus="yes">
            <source>Requests imported: %n; skipped as already present: {d}.</source>
            <translation>
                <numerusform>%n requête importée, {d} déjà présentes ignorées.</numerusform>
                <numerusform>%n requêtes importées, {d} déjà présentes ignorées.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Requests closed, or received and never closed, before {date}, beyond the retention period: %n. Their citizens' names, contacts, texts and timeline notes will be removed for good; references, dates and subjects stay for the statistics. First ones: {refs}. Remove them now?</source>
            <translation>
                <numerusform>%n requête a été clôturée, ou reçue et jamais clôturée, avant le {date}, au-delà de la durée de conservation. Les noms, contacts, textes et notes d'historique du citoyen seront supprimés définitivement ; référence, dates et objet restent pour les statistiques. Référence : {refs}. La supprimer maintenant ?</numerusform>
                <numerusform>%n requêtes ont été clôturées, ou reçues et jamais clôturées, avant le {date}, au-delà de la durée de conservation. Les noms, contacts, textes et notes d'historique des citoyens seront supprimés définitivement ; références, dates et objets restent pour les statistiques. Premières : {refs}. Les supprimer maintenant ?</numerusform>
            </translation>
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
        <message numerus="yes">
            <source>Requests written to {path}: %n.</source>
            <translation>
                <numerusform>%n requête écrite dans {path}.</numerusform>
                <numerusform>%n requêtes écrites dans {path}.</numerusform>
            </translation>
        </message>
        <message>
            <source>No request is older than the retention period ({date}): nothing to remove.</source>
            <translation>Aucune requête n'est antérieure à la durée de conservation ({date}) : rien à supprimer.</translation>
        </message>
        <message numerus="yes">
            <source>Requests whose personal data was removed: %n; the removal is recorded.</source>
            <translation>
                <numerusform>Données personnelles supprimées de %n requête ; la suppression est consignée.</numerusform>
                <numerusform>Données personnelles supprimées de %n requêtes ; la suppression est consignée.</numerusform>
            </translation>
        </message>
        <message>
            <source>Istiqbal</source>
            <translation>Istiqbal</translation>
        </message>
        <message>
            <source>Remove expired personal data</source>
            <translation>Supprimer les données personnelles échues</translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) match.</source>
            <translation>
                <numerusform>%n requête correspond.</numerusform>
                <numerusform>%n requêtes correspondent.</numerusform>
            </translation>
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
            <source>Legal deadline (48 h)</source>
            <translation>Délai légal (48 h)</translation>
        </message>
        <message>
            <source>Internal target</source>
            <translation>Objectif interne</translation>
        </message>
        <message>
            <source>{when} (met)</source>
            <translation>{when} (tenu)</translation>
        </message>
        <message>
            <source>{when} (missed)</source>
            <translation>{when} (dépassé)</translation>
        </message>
        <message>
            <source>Legal deadline (received + 48 h, C2.1): {when}</source>
            <translation>Délai légal (réception + 48 h, C2.1) : {when}</translation>
        </message>
        <message>
            <source>Answer announced for {when}</source>
            <translation>Réponse annoncée pour le {when}</translation>
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
    </context>
    <context>
        <name>ScorecardDialog</name>
        <message>
            <source>Edit the scorecard</source>
            <translation>Modifier la grille d'évaluation</translation>
        </message>
        <message>
            <source>Version {n} is in use. Saving writes version {next}; the evaluations already recorded keep the version they were scored against, and their scores.</source>
            <translation>La version {n} est en vigueur. L'enregistrement crée la version {next} ; les évaluations déjà saisies gardent la version sur laquelle elles ont été notées, et leurs notes.</translation>
        </message>
        <message>
            <source>Name in Arabic</source>
            <translation>Libellé en arabe</translation>
        </message>
        <message>
            <source>Name in French</source>
            <translation>Libellé en français</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>Poids</translation>
        </message>
        <message>
            <source>Training topic</source>
            <translation>Thème de formation</translation>
        </message>
        <message>
            <source>May be not applicable</source>
            <translation>Peut être sans objet</translation>
        </message>
        <message>
            <source>Add a criterion</source>
            <translation>Ajouter un critère</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Monter</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Descendre</translation>
        </message>
        <message>
            <source>For example: new criterion after the audit</source>
            <translation>Par exemple : nouveau critère après l'audit</translation>
        </message>
        <message>
            <source>Why this version</source>
            <translation>Motif de cette version</translation>
        </message>
        <message>
            <source>Save as version {next}</source>
            <translation>Enregistrer comme version {next}</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>The indicators rely on this criterion: it can be re-weighted, not removed.</source>
            <translation>Les indicateurs reposent sur ce critère : on peut changer son poids, pas le supprimer.</translation>
        </message>
        <message>
            <source>Total of the weights: {total}. It need not be 100: each criterion counts in proportion to its weight among those that apply to the call (each weight from 1 to 100).</source>
            <translation>Total des poids : {total}. Il n'a pas à valoir 100 : chaque critère compte au prorata de son poids parmi ceux qui s'appliquent à l'appel (chaque poids de 1 à 100).</translation>
        </message>
    </context>
    <context>
        <name>ServiceDialog</name>
        <message>
            <source>Edit online service</source>
            <translation>Modifier le service en ligne</translation>
        </message>
        <message>
            <source>New online service</source>
            <translation>Nouveau service en ligne</translation>
        </message>
        <message>
            <source>Its link is on the body's website</source>
            <translation>Son lien figure sur le site de l'organisme</translation>
        </message>
        <message>
            <source>Listed on the national portal</source>
            <translation>Référencé sur le portail national</translation>
        </message>
        <message>
            <source>Withdrawn (kept for history)</source>
            <translation>Retiré (conservé pour l'historique)</translation>
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
            <source>Link</source>
            <translation>Lien</translation>
        </message>
        <message>
            <source>Responsible unit</source>
            <translation>Unité responsable</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Who may use it</source>
            <translation>Qui peut l'utiliser</translation>
        </message>
        <message>
            <source>Documents and prerequisites</source>
            <translation>Pièces et prérequis</translation>
        </message>
        <message>
            <source>Accessibility notes</source>
            <translation>Notes d'accessibilité</translation>
        </message>
    </context>
    <context>
        <name>ServicesPage</name>
        <message>
            <source>Online services</source>
            <translation>Services en ligne</translation>
        </message>
        <message>
            <source>Keep the list of the body's e-services, with a clear description of each and what is needed to use it, links that work and are easy to reach (C2.2).</source>
            <translation>Tenir la liste des services en ligne de l'organisme, avec une description claire de chacun et ce qu'il faut pour l'utiliser, des liens qui fonctionnent et faciles à atteindre (C2.2).</translation>
        </message>
        <message>
            <source>New service…</source>
            <translation>Nouveau service…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Modifier…</translation>
        </message>
        <message>
            <source>Mark reviewed today</source>
            <translation>Marquer revu aujourd'hui</translation>
        </message>
        <message>
            <source>Check the links</source>
            <translation>Vérifier les liens</translation>
        </message>
        <message>
            <source>Public directory…</source>
            <translation>Annuaire public…</translation>
        </message>
        <message>
            <source>Show withdrawn services</source>
            <translation>Afficher les services retirés</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Responsible unit</source>
            <translation>Unité responsable</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Lien</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>Site web</translation>
        </message>
        <message>
            <source>National portal</source>
            <translation>Portail national</translation>
        </message>
        <message>
            <source>Latest check</source>
            <translation>Dernière vérification</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>Revu le</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>Liste de contrôle</translation>
        </message>
        <message>
            <source>What fails</source>
            <translation>Ce qui manque</translation>
        </message>
        <message>
            <source>Catalogue</source>
            <translation>Catalogue</translation>
        </message>
        <message>
            <source>Failing the checklist</source>
            <translation>Ne satisfont pas la liste</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Non</translation>
        </message>
        <message>
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <source>works</source>
            <translation>fonctionne</translation>
        </message>
        <message>
            <source>fails</source>
            <translation>en échec</translation>
        </message>
        <message>
            <source>withdrawn {date}</source>
            <translation>retiré le {date}</translation>
        </message>
        <message numerus="yes">
            <source>%n of {n} points</source>
            <translation>
                <numerusform>%n point sur {n}</numerusform>
                <numerusform>%n points sur {n}</numerusform>
            </translation>
        </message>
        <message>
            <source>Failing the checklist ({n})</source>
            <translation>Ne satisfont pas la liste ({n})</translation>
        </message>
        <message>
            <source>Select a service to see its details.</source>
            <translation>Choisissez un service pour voir le détail.</translation>
        </message>
        <message>
            <source>Description: {text}</source>
            <translation>Description : {text}</translation>
        </message>
        <message>
            <source>Who may use it: {text}</source>
            <translation>Qui peut l'utiliser : {text}</translation>
        </message>
        <message>
            <source>Documents and prerequisites: {text}</source>
            <translation>Pièces et prérequis : {text}</translation>
        </message>
        <message>
            <source>Accessibility notes: {text}</source>
            <translation>Notes d'accessibilité : {text}</translation>
        </message>
        <message>
            <source>Reviewed on {date} by {name}</source>
            <translation>Revu le {date} par {name}</translation>
        </message>
        <message>
            <source>Checklist:</source>
            <translation>Liste de contrôle :</translation>
        </message>
        <message>
            <source>Link checks:</source>
            <translation>Vérifications du lien :</translation>
        </message>
        <message>
            <source>Checking the links of the online services…</source>
            <translation>Vérification des liens des services en ligne…</translation>
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
            <source>Working hours (skip nights, weekends, holidays)</source>
            <translation>Heures ouvrées (hors nuits, week-ends et jours fériés)</translation>
        </message>
        <message>
            <source>Warn before the deadline (hours)</source>
            <translation>Alerter avant l'échéance (heures)</translation>
        </message>
        <message>
            <source>Legal deadline: 48 hours after receipt, always (circular 2/2020, C2.1). The settings below only set the body's internal target, which can be shorter, never longer.</source>
            <translation>Délai légal : 48 heures après réception, toujours (circulaire 2/2020, C2.1). Les réglages ci-dessous ne fixent que l'objectif interne de l'organisme, plus court possible, jamais plus long.</translation>
        </message>
        <message>
            <source>Particular categories of users…</source>
            <translation>Catégories particulières d'usagers…</translation>
        </message>
        <message>
            <source>The categories of users that requests, training sessions and the report count (C8.6).</source>
            <translation>Les catégories d'usagers que comptent les demandes, les sessions de formation et le rapport (C8.6).</translation>
        </message>
        <message>
            <source>Calendar hours, nights and holidays included</source>
            <translation>Heures calendaires, nuits et jours fériés compris</translation>
        </message>
        <message>
            <source>Internal target clock</source>
            <translation>Décompte de l'objectif interne</translation>
        </message>
        <message>
            <source>Internal target: answer or notice within (hours, at most 48)</source>
            <translation>Objectif interne : réponse ou avis sous (heures, 48 au plus)</translation>
        </message>
        <message>
            <source>Pick up in less than (seconds, at most 300, C8.2)</source>
            <translation>Décrocher en moins de (secondes, 300 au plus, C8.2)</translation>
        </message>
        <message>
            <source>Call a missed caller back within (hours, C2.4)</source>
            <translation>Rappeler un appelant sans réponse sous (heures, C2.4)</translation>
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
            <source>Found on this computer</source>
            <translation>Présent sur cet ordinateur</translation>
        </message>
        <message>
            <source>No secure password store on this computer</source>
            <translation>Aucun coffre-fort de mots de passe sur cet ordinateur</translation>
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
            <source>Fetch mail every (minutes, 0 = never)</source>
            <translation>Relever le courrier toutes les (minutes, 0 = jamais)</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Vérification…</translation>
        </message>
        <message>
            <source>Largest message accepted (MB)</source>
            <translation>Taille maximale d'un message (Mo)</translation>
        </message>
        <message>
            <source>Targets of the indicators</source>
            <translation>Cibles des indicateurs</translation>
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
            <source>Website and online services</source>
            <translation>Site web et services en ligne</translation>
        </message>
        <message>
            <source>Home page of the website</source>
            <translation>Page d'accueil du site</translation>
        </message>
        <message>
            <source>Other pages to read (contact page…), separated by spaces.</source>
            <translation>Autres pages à lire (page de contact…), séparées par des espaces.</translation>
        </message>
        <message>
            <source>Other pages to read</source>
            <translation>Autres pages à lire</translation>
        </message>
        <message>
            <source>Pages read at most</source>
            <translation>Pages lues au plus</translation>
        </message>
        <message>
            <source>Review each service every (days)</source>
            <translation>Revoir chaque service tous les (jours)</translation>
        </message>
        <message>
            <source>Check the links every (hours)</source>
            <translation>Vérifier les liens toutes les (heures)</translation>
        </message>
        <message>
            <source>Phrases in Arabic or French, separated by “;”.</source>
            <translation>Phrases en arabe ou en français, séparées par « ; ».</translation>
        </message>
        <message>
            <source>Phrases of a “not found” page</source>
            <translation>Phrases d'une page « introuvable »</translation>
        </message>
        <message>
            <source>Phrases of a login page</source>
            <translation>Phrases d'une page de connexion</translation>
        </message>
        <message>
            <source>max. </source>
            <translation>max. </translation>
        </message>
        <message>
            <source>min. </source>
            <translation>min. </translation>
        </message>
        <message>
            <source>at most, lower is better</source>
            <translation>au plus, plus bas est meilleur</translation>
        </message>
        <message>
            <source>at least, higher is better</source>
            <translation>au moins, plus haut est meilleur</translation>
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
        <name>TrainingPage</name>
        <message>
            <source>Training and guides</source>
            <translation>Formation et guides</translation>
        </message>
        <message>
            <source>Train agents periodically, keep them informed of legal changes, give them current guides and working equipment, and reward the best (C8.3, C8.5, C8.6).</source>
            <translation>Former les agents périodiquement, les informer des changements juridiques, leur donner des guides à jour et un équipement qui fonctionne, et récompenser les meilleurs (C8.3, C8.5, C8.6).</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <source>Training plan</source>
            <translation>Plan de formation</translation>
        </message>
        <message>
            <source>Guides and manuals</source>
            <translation>Guides et manuels</translation>
        </message>
        <message>
            <source>Legal updates</source>
            <translation>Mises à jour juridiques</translation>
        </message>
        <message>
            <source>Equipment</source>
            <translation>Équipement</translation>
        </message>
        <message>
            <source>Recognition</source>
            <translation>Distinctions</translation>
        </message>
    </context>
    <context>
        <name>TrainingPlanTab</name>
        <message>
            <source>New rule…</source>
            <translation>Nouvelle règle…</translation>
        </message>
        <message>
            <source>Edit rule…</source>
            <translation>Modifier la règle…</translation>
        </message>
        <message>
            <source>Also what falls due in the next 30 days</source>
            <translation>Aussi ce qui arrive à échéance dans les 30 jours</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Règle</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Thème</translation>
        </message>
        <message>
            <source>Every</source>
            <translation>Tous les</translation>
        </message>
        <message>
            <source>First time within</source>
            <translation>Première fois sous</translation>
        </message>
        <message>
            <source>Applies from</source>
            <translation>S'applique depuis</translation>
        </message>
        <message>
            <source>In force</source>
            <translation>En vigueur</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Due since</source>
            <translation>Dû depuis</translation>
        </message>
        <message>
            <source>Last trained</source>
            <translation>Dernière formation</translation>
        </message>
        <message>
            <source>Days late</source>
            <translation>Jours de retard</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Non</translation>
        </message>
        <message numerus="yes">
            <source>%n mo</source>
            <translation>
                <numerusform>%n mois</numerusform>
                <numerusform>%n mois</numerusform>
            </translation>
        </message>
        <message>
            <source>Once</source>
            <translation>Une fois</translation>
        </message>
        <message>
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <source>due soon</source>
            <translation>bientôt dû</translation>
        </message>
        <message numerus="yes">
            <source>%n agent(s) do not meet the training plan today.</source>
            <translation>
                <numerusform>%n agent ne respecte pas le plan de formation aujourd'hui.</numerusform>
                <numerusform>%n agents ne respectent pas le plan de formation aujourd'hui.</numerusform>
            </translation>
        </message>
        <message>
            <source>Every active agent meets the training plan.</source>
            <translation>Tous les agents en fonction respectent le plan de formation.</translation>
        </message>
    </context>
    <context>
        <name>TrainingRuleDialog</name>
        <message>
            <source>Training plan rule</source>
            <translation>Règle du plan de formation</translation>
        </message>
        <message>
            <source>e.g. Every agent trained once a year</source>
            <translation>ex. Chaque agent formé une fois par an</translation>
        </message>
        <message>
            <source>Once only</source>
            <translation>Une seule fois</translation>
        </message>
        <message>
            <source> months</source>
            <translation> mois</translation>
        </message>
        <message>
            <source>In force</source>
            <translation>En vigueur</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Thème</translation>
        </message>
        <message>
            <source>Repeat every</source>
            <translation>Répéter tous les</translation>
        </message>
        <message>
            <source>First time within</source>
            <translation>Première fois sous</translation>
        </message>
        <message>
            <source>Applies from</source>
            <translation>S'applique depuis</translation>
        </message>
    </context>
    <context>
        <name>TrainingSessionDialog</name>
        <message>
            <source>Edit training session</source>
            <translation>Modifier la session de formation</translation>
        </message>
        <message>
            <source>Copy training session</source>
            <translation>Copier la session de formation</translation>
        </message>
        <message>
            <source>New training session</source>
            <translation>Nouvelle session de formation</translation>
        </message>
        <message>
            <source>e.g. Welcoming callers and naming the body</source>
            <translation>ex. Accueillir l'appelant et nommer l'organisme</translation>
        </message>
        <message>
            <source>On site</source>
            <translation>Sur place</translation>
        </message>
        <message>
            <source>Remote</source>
            <translation>À distance</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Intitulé</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Thème</translation>
        </message>
        <message>
            <source>All particular categories</source>
            <translation>Toutes les catégories particulières</translation>
        </message>
        <message>
            <source>Particular category (C8.6)</source>
            <translation>Catégorie particulière (C8.6)</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Heures</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Trainer</source>
            <translation>Formateur</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Reuse the material of the copied session</source>
            <translation>Reprendre le support de la session copiée</translation>
        </message>
        <message>
            <source>Attach a file…</source>
            <translation>Joindre un fichier…</translation>
        </message>
        <message>
            <source>Material</source>
            <translation>Support</translation>
        </message>
        <message>
            <source>Attendees (Space ticks the selected agent):</source>
            <translation>Participants (Espace coche l'agent sélectionné) :</translation>
        </message>
        <message>
            <source>No file</source>
            <translation>Aucun fichier</translation>
        </message>
        <message>
            <source>Training material</source>
            <translation>Support de formation</translation>
        </message>
    </context>
    <context>
        <name>TrainingSessionsTab</name>
        <message>
            <source>New session…</source>
            <translation>Nouvelle session…</translation>
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <source>Copy…</source>
            <translation>Copier…</translation>
        </message>
        <message>
            <source>Same content for another group or day (Ctrl+D)</source>
            <translation>Même contenu pour un autre groupe ou un autre jour (Ctrl+D)</translation>
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
            <source>Save the material…</source>
            <translation>Enregistrer le support…</translation>
        </message>
        <message>
            <source>Search title or trainer…</source>
            <translation>Rechercher intitulé ou formateur…</translation>
        </message>
        <message>
            <source>Attendee</source>
            <translation>Participant</translation>
        </message>
        <message>
            <source>Attended</source>
            <translation>Présent</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>Absent</translation>
        </message>
        <message>
            <source>Delete the session</source>
            <translation>Supprimer la session</translation>
        </message>
        <message>
            <source>Delete “{title}” and its attendance list?</source>
            <translation>Supprimer « {title} » et sa liste de présence ?</translation>
        </message>
        <message>
            <source>Save the material</source>
            <translation>Enregistrer le support</translation>
        </message>
    </context>
    <context>
        <name>TrainingSessionsTableModel</name>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Intitulé</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Thème</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Heures</translation>
        </message>
        <message>
            <source>Trainer</source>
            <translation>Formateur</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <source>Attended</source>
            <translation>Présent</translation>
        </message>
        <message>
            <source>Material</source>
            <translation>Support</translation>
        </message>
        <message>
            <source>Remote</source>
            <translation>À distance</translation>
        </message>
        <message>
            <source>On site</source>
            <translation>Sur place</translation>
        </message>
        <message>
            <source>{attended} of {invited}</source>
            <translation>{attended} sur {invited}</translation>
        </message>
    </context>
    <context>
        <name>TrendChart</name>
        <message>
            <source>No evaluation yet</source>
            <translation>Aucune évaluation pour l'instant</translation>
        </message>
    </context>
    <context>
        <name>UserCategoriesDialog</name>
        <message>
            <source>Particular categories of users (C8.6)</source>
            <translation>Catégories particulières d'usagers (C8.6)</translation>
        </message>
        <message>
            <source>Circular 18/2019 says which users need particular care. New requests and training sessions offer the categories in use; a deactivated one stays on past requests and in the reports.</source>
            <translation>La circulaire 18/2019 dit quels usagers demandent une attention particulière. Les nouvelles demandes et sessions de formation proposent les catégories en usage ; une catégorie désactivée reste sur les demandes passées et dans les rapports.</translation>
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
            <source>In use</source>
            <translation>En usage</translation>
        </message>
        <message>
            <source>Requests and sessions</source>
            <translation>Demandes et sessions</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Ajouter…</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>Renommer…</translation>
        </message>
        <message>
            <source>Deactivate</source>
            <translation>Désactiver</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <source>Only a category that no request or session carries; otherwise deactivate it.</source>
            <translation>Seulement une catégorie qu'aucune demande ni session ne porte ; sinon, désactivez-la.</translation>
        </message>
        <message>
            <source>Only an administrator or a reception supervisor can change this list.</source>
            <translation>Seul un administrateur ou le responsable de l'accueil peut modifier cette liste.</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>No, past data only</source>
            <translation>Non, données passées seulement</translation>
        </message>
        <message>
            <source>Bring back into use</source>
            <translation>Remettre en usage</translation>
        </message>
        <message>
            <source>New category</source>
            <translation>Nouvelle catégorie</translation>
        </message>
        <message>
            <source>Rename the category</source>
            <translation>Renommer la catégorie</translation>
        </message>
        <message>
            <source>Delete the category</source>
            <translation>Supprimer la catégorie</translation>
        </message>
        <message>
            <source>Delete “{name}” from the list?</source>
            <translation>Supprimer « {name} » de la liste ?</translation>
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
        <name>VerificationRoundDialog</name>
        <message>
            <source>Verification round</source>
            <translation>Tournée de vérification</translation>
        </message>
        <message>
            <source>Notes (optional), e.g. who answered</source>
            <translation>Remarques (facultatif), ex. qui a répondu</translation>
        </message>
        <message>
            <source>Skip this line</source>
            <translation>Passer cette ligne</translation>
        </message>
        <message>
            <source>Stop the round</source>
            <translation>Arrêter la tournée</translation>
        </message>
        <message>
            <source>Round finished. Lines checked: {n}.</source>
            <translation>Tournée terminée. Lignes contrôlées : {n}.</translation>
        </message>
        <message>
            <source>Every line due has been seen.</source>
            <translation>Toutes les lignes à contrôler ont été vues.</translation>
        </message>
        <message>
            <source>Line {i} of {n}</source>
            <translation>Ligne {i} sur {n}</translation>
        </message>
        <message>
            <source>Last checked {when}: {result}</source>
            <translation>Dernier contrôle le {when} : {result}</translation>
        </message>
        <message>
            <source>Never checked</source>
            <translation>Jamais contrôlée</translation>
        </message>
    </context>
    <context>
        <name>WebsiteAuditDialog</name>
        <message>
            <source>Website audit</source>
            <translation>Audit du site web</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Numéro</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>Constat</translation>
        </message>
        <message>
            <source>Written as</source>
            <translation>Écrit ainsi</translation>
        </message>
        <message>
            <source>Audit the website now</source>
            <translation>Auditer le site maintenant</translation>
        </message>
        <message>
            <source>Confirm “on website” for this line</source>
            <translation>Confirmer « sur le site » pour cette ligne</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>The website has not been audited yet.</source>
            <translation>Le site n'a pas encore été audité.</translation>
        </message>
        <message>
            <source>Audit of {url} on {when}.</source>
            <translation>Audit de {url} du {when}.</translation>
        </message>
        <message>
            <source>Pages read: {n}.</source>
            <translation>Pages lues : {n}.</translation>
        </message>
        <message>
            <source>The published e-mail address is on the front page (C2.1).</source>
            <translation>L'adresse e-mail publiée figure en page d'accueil (C2.1).</translation>
        </message>
        <message>
            <source>The published e-mail address is NOT on the front page (C2.1).</source>
            <translation>L'adresse e-mail publiée NE figure PAS en page d'accueil (C2.1).</translation>
        </message>
        <message>
            <source>Reading the website…</source>
            <translation>Lecture du site…</translation>
        </message>
    </context>
    <context>
        <name>agents</name>
        <message>
            <source>This agent no longer exists.</source>
            <translation>Cet agent n'existe plus.</translation>
        </message>
        <message>
            <source>Give the agent's name in Arabic or in French.</source>
            <translation>Indiquez le nom de l'agent en arabe ou en français.</translation>
        </message>
        <message>
            <source>The end date comes before the start date.</source>
            <translation>La date de fin précède la date de début.</translation>
        </message>
        <message>
            <source>The staff number {number} is already given to another agent.</source>
            <translation>Le matricule {number} est déjà attribué à un autre agent.</translation>
        </message>
        <message>
            <source>The chosen user account does not exist.</source>
            <translation>Le compte utilisateur choisi n'existe pas.</translation>
        </message>
        <message>
            <source>This user account is already linked to another agent.</source>
            <translation>Ce compte utilisateur est déjà lié à un autre agent.</translation>
        </message>
        <message>
            <source>The chosen reception post does not exist.</source>
            <translation>Le poste d'accueil choisi n'existe pas.</translation>
        </message>
        <message>
            <source>One of the chosen lines no longer exists.</source>
            <translation>Une des lignes choisies n'existe plus.</translation>
        </message>
        <message>
            <source>Any topic</source>
            <translation>Tous les thèmes</translation>
        </message>
        <message>
            <source>Reception and guidance techniques</source>
            <translation>Techniques d'accueil et d'orientation</translation>
        </message>
        <message>
            <source>Legal and procedural update</source>
            <translation>Mise à jour juridique et procédurale</translation>
        </message>
        <message>
            <source>Particular categories of users</source>
            <translation>Catégories particulières d'usagers</translation>
        </message>
        <message>
            <source>Equipment and tools</source>
            <translation>Équipements et outils</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <source>“{topic}” is not a training topic.</source>
            <translation>« {topic} » n'est pas un thème de formation.</translation>
        </message>
        <message>
            <source>The file {name} is larger than {limit} MB; attach a smaller one.</source>
            <translation>Le fichier {name} dépasse {limit} Mo ; joignez un fichier plus petit.</translation>
        </message>
        <message>
            <source>The file {name} cannot be read.</source>
            <translation>Le fichier {name} ne peut pas être lu.</translation>
        </message>
        <message>
            <source>An attached file needs a name.</source>
            <translation>Un fichier joint doit avoir un nom.</translation>
        </message>
        <message>
            <source>The stored file {name} is damaged.</source>
            <translation>Le fichier enregistré {name} est endommagé.</translation>
        </message>
        <message>
            <source>Someone else changed this record meanwhile; reopen it and try again.</source>
            <translation>Quelqu'un d'autre a modifié cet enregistrement entre-temps ; rouvrez-le et réessayez.</translation>
        </message>
    </context>
    <context>
        <name>audit</name>
        <message>
            <source>Acknowledged</source>
            <translation>Prise de connaissance</translation>
        </message>
        <message>
            <source>Maintenance added</source>
            <translation>Maintenance ajoutée</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Réponse donnée</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>Attribution</translation>
        </message>
        <message>
            <source>File attached</source>
            <translation>Fichier joint</translation>
        </message>
        <message>
            <source>Forwarding cancelled</source>
            <translation>Renvoi annulé</translation>
        </message>
        <message>
            <source>Password changed</source>
            <translation>Mot de passe changé</translation>
        </message>
        <message>
            <source>Checked</source>
            <translation>Vérification</translation>
        </message>
        <message>
            <source>Check withdrawn</source>
            <translation>Contrôle retiré</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Clôture</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Création</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Suppression</translation>
        </message>
        <message>
            <source>Maintenance deleted</source>
            <translation>Maintenance supprimée</translation>
        </message>
        <message>
            <source>Demo data</source>
            <translation>Données de démonstration</translation>
        </message>
        <message>
            <source>Forwarding ended</source>
            <translation>Fin du renvoi</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Forwarded</source>
            <translation>Renvoi</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>Connexion</translation>
        </message>
        <message>
            <source>Sign-in refused</source>
            <translation>Connexion refusée</translation>
        </message>
        <message>
            <source>Maintenance done</source>
            <translation>Maintenance effectuée</translation>
        </message>
        <message>
            <source>New version</source>
            <translation>Nouvelle version</translation>
        </message>
        <message>
            <source>Came back undelivered</source>
            <translation>Revenu sans avoir été remis</translation>
        </message>
        <message>
            <source>Waiting notice sent</source>
            <translation>Avis d'attente envoyé</translation>
        </message>
        <message>
            <source>Purged</source>
            <translation>Purge</translation>
        </message>
        <message>
            <source>Reopened</source>
            <translation>Réouverture</translation>
        </message>
        <message>
            <source>Fault repaired</source>
            <translation>Panne réparée</translation>
        </message>
        <message>
            <source>Fault reported</source>
            <translation>Panne signalée</translation>
        </message>
        <message>
            <source>Password reset</source>
            <translation>Mot de passe réinitialisé</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>Revu</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Enregistrement</translation>
        </message>
        <message>
            <source>Initial data</source>
            <translation>Données initiales</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>Modification</translation>
        </message>
        <message>
            <source>Response withdrawn (undelivered)</source>
            <translation>Réponse retirée (non remise)</translation>
        </message>
        <message>
            <source>Reception agent</source>
            <translation>Agent d'accueil</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>Calendrier</translation>
        </message>
        <message>
            <source>Call-back to a caller</source>
            <translation>Rappel d'un appelant</translation>
        </message>
        <message>
            <source>Call evaluation</source>
            <translation>Évaluation d'appel</translation>
        </message>
        <message>
            <source>Call records</source>
            <translation>Relevés d'appels</translation>
        </message>
        <message>
            <source>Citizens' personal data</source>
            <translation>Données personnelles des citoyens</translation>
        </message>
        <message>
            <source>Reception guide</source>
            <translation>Guide d'accueil</translation>
        </message>
        <message>
            <source>Public holiday</source>
            <translation>Jour férié</translation>
        </message>
        <message>
            <source>Legal update</source>
            <translation>Mise à jour juridique</translation>
        </message>
        <message>
            <source>Mystery-call campaign</source>
            <translation>Campagne d'appels mystère</translation>
        </message>
        <message>
            <source>Online service</source>
            <translation>Service en ligne</translation>
        </message>
        <message>
            <source>Phone line</source>
            <translation>Ligne téléphonique</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>Site web</translation>
        </message>
        <message>
            <source>Reception post equipment</source>
            <translation>Équipement du poste d'accueil</translation>
        </message>
        <message>
            <source>Reception post</source>
            <translation>Poste d'accueil</translation>
        </message>
        <message>
            <source>Recognition</source>
            <translation>Distinction</translation>
        </message>
        <message>
            <source>Reinforcement plan</source>
            <translation>Plan de renforcement</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Rapport</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <source>E-mail address probe</source>
            <translation>Vérification d'une adresse électronique</translation>
        </message>
        <message>
            <source>E-mail to a citizen</source>
            <translation>Courriel à un citoyen</translation>
        </message>
        <message>
            <source>Mailbox</source>
            <translation>Boîte aux lettres</translation>
        </message>
        <message>
            <source>Citizen's request</source>
            <translation>Requête de citoyen</translation>
        </message>
        <message>
            <source>Evaluation scorecard</source>
            <translation>Grille d'évaluation</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>Office hours</source>
            <translation>Horaires de travail</translation>
        </message>
        <message>
            <source>Training rule</source>
            <translation>Règle de formation</translation>
        </message>
        <message>
            <source>Training session</source>
            <translation>Session de formation</translation>
        </message>
        <message>
            <source>Particular category of users</source>
            <translation>Catégorie particulière d'usagers</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Utilisateur</translation>
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
        <message numerus="yes">
            <source>Too many wrong tries: try again in %n s.</source>
            <translation>
                <numerusform>Trop d'essais erronés : réessayez dans %n seconde.</numerusform>
                <numerusform>Trop d'essais erronés : réessayez dans %n secondes.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>callbacks</name>
        <message>
            <source>Reached</source>
            <translation>Joint</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>Pas de réponse</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>Faux numéro</translation>
        </message>
        <message>
            <source>“{number}” is not a number that can be called back.</source>
            <translation>« {number} » n'est pas un numéro que l'on peut rappeler.</translation>
        </message>
        <message>
            <source>Choose the outcome of the call-back.</source>
            <translation>Choisissez le résultat du rappel.</translation>
        </message>
        <message>
            <source>The time of the call-back is missing.</source>
            <translation>L'heure du rappel manque.</translation>
        </message>
        <message>
            <source>The call-back cannot be in the future.</source>
            <translation>Le rappel ne peut pas être dans le futur.</translation>
        </message>
        <message>
            <source>The note is longer than 1000 characters.</source>
            <translation>La note dépasse 1000 caractères.</translation>
        </message>
    </context>
    <context>
        <name>callers_file</name>
        <message>
            <source>Number</source>
            <translation>Numéro</translation>
        </message>
        <message>
            <source>Line rung</source>
            <translation>Ligne appelée</translation>
        </message>
        <message>
            <source>Unanswered calls</source>
            <translation>Appels sans réponse</translation>
        </message>
        <message>
            <source>First call</source>
            <translation>Premier appel</translation>
        </message>
        <message>
            <source>Last call</source>
            <translation>Dernier appel</translation>
        </message>
        <message>
            <source>Call-backs without answer</source>
            <translation>Rappels sans réponse</translation>
        </message>
        <message>
            <source>Called back at</source>
            <translation>Rappelé le</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>To call back</source>
            <translation>À rappeler</translation>
        </message>
        <message>
            <source>Page &amp;P of &amp;N</source>
            <translation>Page &amp;P sur &amp;N</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}</source>
            <translation>Impossible d'écrire {path} : {reason}</translation>
        </message>
    </context>
    <context>
        <name>calls</name>
        <message>
            <source>the call has no start time.</source>
            <translation>l'appel n'a pas d'heure de début.</translation>
        </message>
        <message>
            <source>“{text}” is not a time of the form 2026-03-05 09:41:07.</source>
            <translation>« {text} » n'est pas une heure de la forme 2026-03-05 09:41:07.</translation>
        </message>
        <message>
            <source>{text} is not a plausible date for a call (years {first} to {last}).</source>
            <translation>{text} n'est pas une date plausible pour un appel (années {first} à {last}).</translation>
        </message>
        <message>
            <source>“{text}” is not a number of seconds.</source>
            <translation>« {text} » n'est pas un nombre de secondes.</translation>
        </message>
        <message>
            <source>“{text}” is not a call outcome Asterisk writes.</source>
            <translation>« {text} » n'est pas une issue d'appel écrite par Asterisk.</translation>
        </message>
        <message>
            <source>The file {file} does not exist.</source>
            <translation>Le fichier {file} n'existe pas.</translation>
        </message>
        <message>
            <source>The file {file} cannot be read: {reason}</source>
            <translation>Le fichier {file} ne peut pas être lu : {reason}</translation>
        </message>
        <message>
            <source>{file} is not an Asterisk call record file (Master.csv).</source>
            <translation>{file} n'est pas un fichier de relevés d'appels Asterisk (Master.csv).</translation>
        </message>
        <message>
            <source>the line is not valid CSV: {reason}</source>
            <translation>la ligne n'est pas du CSV valide : {reason}</translation>
        </message>
        <message>
            <source>The file holds no unanswered call at all: the PBX probably does not log them (set unanswered=yes in cdr.conf), so the missed-call figures would be wrong.</source>
            <translation>Le fichier ne contient aucun appel sans réponse : l'autocommutateur ne les enregistre sans doute pas (mettez unanswered=yes dans cdr.conf), les chiffres des appels perdus seraient donc faux.</translation>
        </message>
        <message>
            <source>{file}, line {row}, column {column}: {message}</source>
            <translation>{file}, ligne {row}, colonne {column} : {message}</translation>
        </message>
        <message>
            <source>{file}, line {row}: {message}</source>
            <translation>{file}, ligne {row} : {message}</translation>
        </message>
        <message>
            <source>{first} (Nothing was imported.)</source>
            <translation>{first} (Rien n'a été importé.)</translation>
        </message>
        <message>
            <source>Give the campaign a name.</source>
            <translation>Donnez un nom à la campagne.</translation>
        </message>
        <message>
            <source>The campaign ends before it starts.</source>
            <translation>La campagne se termine avant de commencer.</translation>
        </message>
        <message>
            <source>Plan between 1 and {n} calls per line.</source>
            <translation>Prévoyez entre 1 et {n} appels par ligne.</translation>
        </message>
        <message>
            <source>Choose at least one line in service to call.</source>
            <translation>Choisissez au moins une ligne en service à appeler.</translation>
        </message>
        <message>
            <source>The office is closed for the whole period.</source>
            <translation>Les bureaux sont fermés pendant toute la période.</translation>
        </message>
        <message>
            <source>Supervisor listening</source>
            <translation>Écoute du superviseur</translation>
        </message>
        <message>
            <source>Mystery call</source>
            <translation>Appel mystère</translation>
        </message>
        <message>
            <source>Citizen feedback</source>
            <translation>Retour d'un citoyen</translation>
        </message>
        <message>
            <source>Answer every criterion: “{name}” has no answer.</source>
            <translation>Répondez à chaque critère : « {name} » n'a pas de réponse.</translation>
        </message>
        <message>
            <source>“{name}” always applies to an answered call: answer yes or no.</source>
            <translation>« {name} » s'applique toujours à un appel répondu : répondez oui ou non.</translation>
        </message>
        <message>
            <source>Choose how the call was evaluated.</source>
            <translation>Choisissez comment l'appel a été évalué.</translation>
        </message>
        <message>
            <source>Give the seconds it took to pick up.</source>
            <translation>Indiquez les secondes avant le décroché.</translation>
        </message>
        <message>
            <source>The seconds to pick up are not plausible.</source>
            <translation>Les secondes avant le décroché ne sont pas plausibles.</translation>
        </message>
        <message>
            <source>A mystery call needs the line that was called.</source>
            <translation>Un appel mystère nécessite la ligne appelée.</translation>
        </message>
        <message>
            <source>Only a mystery call has a citizen-watch caller.</source>
            <translation>Seul un appel mystère peut nommer l'appelant (citoyen mystère).</translation>
        </message>
        <message>
            <source>The caller's name is too long (200 characters).</source>
            <translation>Le nom de l'appelant est trop long (200 caractères).</translation>
        </message>
        <message>
            <source>This agent no longer exists.</source>
            <translation>Cet agent n'existe plus.</translation>
        </message>
        <message>
            <source>This line no longer exists.</source>
            <translation>Cette ligne n'existe plus.</translation>
        </message>
        <message>
            <source>This planned call no longer exists.</source>
            <translation>Cet appel prévu n'existe plus.</translation>
        </message>
        <message>
            <source>The result of this planned call is already in.</source>
            <translation>Le résultat de cet appel prévu est déjà saisi.</translation>
        </message>
        <message>
            <source>Reception and guidance techniques</source>
            <translation>Techniques d'accueil et d'orientation</translation>
        </message>
        <message>
            <source>Legal and procedural update</source>
            <translation>Mise à jour juridique et procédurale</translation>
        </message>
        <message>
            <source>Serving particular categories of users</source>
            <translation>Accueil des catégories particulières d'usagers</translation>
        </message>
        <message>
            <source>Equipment and tools</source>
            <translation>Équipements et outils</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <source>Picked up in time</source>
            <translation>Décroché dans le délai</translation>
        </message>
        <message>
            <source>Greeted first</source>
            <translation>Salue en premier</translation>
        </message>
        <message>
            <source>Named the body</source>
            <translation>Nomme l'organisme</translation>
        </message>
        <message>
            <source>Information clear</source>
            <translation>Information claire</translation>
        </message>
        <message>
            <source>Information correct (reference guide)</source>
            <translation>Information exacte (guide de référence)</translation>
        </message>
        <message>
            <source>Courteous</source>
            <translation>Courtoisie</translation>
        </message>
        <message>
            <source>Particular category served well</source>
            <translation>Catégorie particulière bien servie</translation>
        </message>
        <message>
            <source>Proper closing</source>
            <translation>Clôture correcte</translation>
        </message>
        <message>
            <source>Directed the caller to the competent service</source>
            <translation>Oriente l'appelant vers le service compétent</translation>
        </message>
        <message>
            <source>There is no scorecard yet; ask an administrator.</source>
            <translation>Il n'y a pas encore de grille d'évaluation ; demandez à un administrateur.</translation>
        </message>
        <message>
            <source>Particular categories of users: {names}.</source>
            <translation>Catégories particulières d'usagers : {names}.</translation>
        </message>
        <message>
            <source>A scorecard needs at least one criterion.</source>
            <translation>Une grille d'évaluation nécessite au moins un critère.</translation>
        </message>
        <message>
            <source>Every criterion needs a name.</source>
            <translation>Chaque critère doit avoir un nom.</translation>
        </message>
        <message>
            <source>The criterion “{name}” appears twice.</source>
            <translation>Le critère « {name} » figure deux fois.</translation>
        </message>
        <message>
            <source>The weight of “{name}” must be between 1 and 100.</source>
            <translation>Le poids de « {name} » doit être compris entre 1 et 100.</translation>
        </message>
        <message>
            <source>“{topic}” is not a training topic.</source>
            <translation>« {topic} » n'est pas un thème de formation.</translation>
        </message>
        <message>
            <source>The scorecard was changed by someone else meanwhile; reopen it.</source>
            <translation>La grille a été modifiée par quelqu'un d'autre entre-temps ; rouvrez-la.</translation>
        </message>
        <message>
            <source>Evaluation score per agent</source>
            <translation>Note d'évaluation par agent</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Evaluations</source>
            <translation>Évaluations</translation>
        </message>
        <message>
            <source>Mean score</source>
            <translation>Note moyenne</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>Période précédente</translation>
        </message>
        <message>
            <source>Picked up in time (%)</source>
            <translation>Décroché dans le délai (%)</translation>
        </message>
        <message>
            <source>Mean score per agent</source>
            <translation>Note moyenne par agent</translation>
        </message>
        <message>
            <source>Score (0–100)</source>
            <translation>Note (0–100)</translation>
        </message>
        <message>
            <source>Supervisor listening and mystery calls (C8.7); score 0–100 on the weighted scorecard, criteria not applicable left out.</source>
            <translation>Écoutes du superviseur et appels mystère (C8.7) ; note de 0 à 100 sur la grille pondérée, critères sans objet exclus.</translation>
        </message>
        <message>
            <source>Criteria met</source>
            <translation>Critères respectés</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Critère</translation>
        </message>
        <message>
            <source>Met (%)</source>
            <translation>Respecté (%)</translation>
        </message>
        <message>
            <source>Previous period (%)</source>
            <translation>Période précédente (%)</translation>
        </message>
        <message>
            <source>Training topic</source>
            <translation>Thème de formation</translation>
        </message>
        <message>
            <source>Weakest first: the training topic addresses each criterion.</source>
            <translation>Les plus faibles d'abord : le thème de formation correspond à chaque critère.</translation>
        </message>
        <message>
            <source>Call quality</source>
            <translation>Qualité des appels</translation>
        </message>
        <message>
            <source>under {n} s</source>
            <translation>moins de {n} s</translation>
        </message>
        <message>
            <source>{a}–{b} s</source>
            <translation>{a}–{b} s</translation>
        </message>
        <message>
            <source>{n} s or more</source>
            <translation>{n} s ou plus</translation>
        </message>
        <message>
            <source>{title} (+{lines} lines, +{agents} agents)</source>
            <translation>{title} (+{lines} lignes, +{agents} agents)</translation>
        </message>
        <message>
            <source>Inbound calls per line</source>
            <translation>Appels entrants par ligne</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Numéro</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Offered</source>
            <translation>Reçus</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Répondus</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>Occupé</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>Sans réponse</translation>
        </message>
        <message>
            <source>Answered (%)</source>
            <translation>Répondus (%)</translation>
        </message>
        <message>
            <source>Missed, to call back</source>
            <translation>Sans réponse, à rappeler</translation>
        </message>
        <message>
            <source>Called back in time (%)</source>
            <translation>Rappelés à temps (%)</translation>
        </message>
        <message>
            <source>Median seconds to answer</source>
            <translation>Médiane des secondes avant réponse</translation>
        </message>
        <message>
            <source>Outside office hours</source>
            <translation>Hors horaires de travail</translation>
        </message>
        <message>
            <source>Offered, previous period</source>
            <translation>Reçus, période précédente</translation>
        </message>
        <message>
            <source>Answered (%), previous period</source>
            <translation>Répondus (%), période précédente</translation>
        </message>
        <message>
            <source>From the PBX's call records; outgoing and internal calls are left out. Lines losing the most calls first. Missed calls to call back are those from a number that can be called back; called back in time: the caller was reached within the reach window (C2.4). Callers' numbers are not in the report (law 2004-63).</source>
            <translation>D'après les enregistrements d'appels de l'autocommutateur ; les appels sortants et internes sont exclus. Les lignes qui perdent le plus d'appels d'abord. Les appels sans réponse à rappeler sont ceux d'un numéro que l'on peut rappeler ; rappelés à temps : l'appelant a été joint dans le délai de rappel (C2.4). Les numéros des appelants ne figurent pas dans le rapport (loi 2004-63).</translation>
        </message>
        <message>
            <source>Reinforcement planned (C8.4)</source>
            <translation>Renfort prévu (C8.4)</translation>
        </message>
        <message>
            <source>Yesterday's callers to call back</source>
            <translation>Appelants d'hier à rappeler</translation>
        </message>
        <message>
            <source>Calls per hour of the day</source>
            <translation>Appels par heure de la journée</translation>
        </message>
        <message>
            <source>Hour</source>
            <translation>Heure</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>Appels</translation>
        </message>
        <message>
            <source>Lost calls</source>
            <translation>Appels perdus</translation>
        </message>
        <message>
            <source>Peak hours (C8.4)</source>
            <translation>Heures de pointe (C8.4)</translation>
        </message>
        <message>
            <source>Reinforce the lines at the hours with the most calls and lost calls (C8.4).</source>
            <translation>Renforcer les lignes aux heures qui comptent le plus d'appels et d'appels perdus (C8.4).</translation>
        </message>
        <message>
            <source>Time to answer</source>
            <translation>Délai de réponse</translation>
        </message>
        <message>
            <source>Waited</source>
            <translation>Attente</translation>
        </message>
        <message>
            <source>Answered calls</source>
            <translation>Appels répondus</translation>
        </message>
        <message>
            <source>Call traffic</source>
            <translation>Trafic d'appels</translation>
        </message>
        <message>
            <source>Agents below the score target</source>
            <translation>Agents sous l'objectif de note</translation>
        </message>
        <message>
            <source>Lines losing calls</source>
            <translation>Lignes qui perdent des appels</translation>
        </message>
        <message numerus="yes">
            <source>columns on the line: %n; Asterisk writes 16, 17, 18 or 21.</source>
            <translation>
                <numerusform>la ligne a %n colonne ; Asterisk en écrit 16, 17, 18 ou 21.</numerusform>
                <numerusform>la ligne a %n colonnes ; Asterisk en écrit 16, 17, 18 ou 21.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{first} (%n bad lines in all; nothing was imported.)</source>
            <translation>
                <numerusform>{first} (%n ligne erronée en tout ; rien n'a été importé.)</numerusform>
                <numerusform>{first} (%n lignes erronées en tout ; rien n'a été importé.)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Calls to numbers missing from the inventory ({numbers}): %n; add those lines to count them.</source>
            <translation>
                <numerusform>%n appel visait des numéros absents de l'inventaire ({numbers}) ; ajoutez ces lignes pour les compter.</numerusform>
                <numerusform>%n appels visaient des numéros absents de l'inventaire ({numbers}) ; ajoutez ces lignes pour les compter.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{name}: {score}, evaluations: %n</source>
            <translation>
                <numerusform>{name} : {score} sur %n évaluation</numerusform>
                <numerusform>{name} : {score} sur %n évaluations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{number}: %n of {offered} calls lost</source>
            <translation>
                <numerusform>{number} : %n appel perdu sur {offered}</numerusform>
                <numerusform>{number} : %n appels perdus sur {offered}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{time}, line {line} (unanswered calls: %n)</source>
            <translation>
                <numerusform>{time}, ligne {line} : %n appel sans réponse</numerusform>
                <numerusform>{time}, ligne {line} : %n appels sans réponse</numerusform>
            </translation>
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
            <source>The database {where} is sound; it needs an upgrade, which Istiqbal makes (after a backup) the next time it opens it.</source>
            <translation>La base de données {where} est saine ; elle doit être mise à niveau, ce qu'Istiqbal fera (après une sauvegarde) à sa prochaine ouverture.</translation>
        </message>
        <message>
            <source>The database {where} is sound and empty.</source>
            <translation>La base de données {where} est saine et vide.</translation>
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
            <source>{file} (warning): {message}</source>
            <translation>{file} (avertissement) : {message}</translation>
        </message>
        <message>
            <source>{inbound} inbound calls on inventory lines, {outgoing} outgoing, {internal} internal, {unmatched} to numbers missing from the inventory.</source>
            <translation>{inbound} appels entrants sur les lignes de l'inventaire, {outgoing} sortants, {internal} internes, {unmatched} vers des numéros absents de l'inventaire.</translation>
        </message>
        <message>
            <source>Nothing was written (invalid rows: {n}); correct them or use --skip-invalid.</source>
            <translation>Rien n'a été enregistré (lignes invalides : {n}) ; corrigez-les ou utilisez --skip-invalid.</translation>
        </message>
        <message>
            <source>Phone lines written to {file}: {n}.</source>
            <translation>Lignes téléphoniques écrites dans {file} : {n}.</translation>
        </message>
        <message>
            <source>There is no page “{page}”; pages: {names}.</source>
            <translation>Il n'y a pas de page « {page} » ; pages : {names}.</translation>
        </message>
        <message>
            <source>Cannot write the picture {path}.</source>
            <translation>Impossible d'écrire l'image {path}.</translation>
        </message>
        <message>
            <source>The page “{page}” has no tabs.</source>
            <translation>La page « {page} » n'a pas d'onglets.</translation>
        </message>
        <message>
            <source>The page “{page}” has no tab {tab}; its tabs: {names}.</source>
            <translation>La page « {page} » n'a pas d'onglet {tab} ; ses onglets : {names}.</translation>
        </message>
        <message>
            <source>Istiqbal cannot use {where}: {reason}</source>
            <translation>Istiqbal ne peut pas utiliser {where} : {reason}</translation>
        </message>
        <message>
            <source>{file}: {message}</source>
            <translation>{file} : {message}</translation>
        </message>
        <message numerus="yes">
            <source>Calls already imported as missed, now answered: %n.</source>
            <translation>
                <numerusform>%n appel déjà importé comme manqué est désormais répondu.</numerusform>
                <numerusform>%n appels déjà importés comme manqués sont désormais répondus.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Checked (nothing written): %n new, {d} already present.</source>
            <translation>
                <numerusform>Vérifié (rien n'a été écrit) : %n nouveau, {d} déjà présents.</numerusform>
                <numerusform>Vérifié (rien n'a été écrit) : %n nouveaux, {d} déjà présents.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n, skipped {d} already present.</source>
            <translation>
                <numerusform>%n importé, {d} déjà présents ignorés.</numerusform>
                <numerusform>%n importés, {d} déjà présents ignorés.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Directory written to {file}: lines: %n; left out: {m}.</source>
            <translation>
                <numerusform>Annuaire écrit dans {file} : %n ligne, {m} écartées.</numerusform>
                <numerusform>Annuaire écrit dans {file} : %n lignes, {m} écartées.</numerusform>
            </translation>
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
            <source>--db must be a SQLite file path or a postgresql+psycopg://user:password@server/name URL.</source>
            <translation>--db doit être le chemin d'un fichier SQLite ou une URL postgresql+psycopg://utilisateur:motdepasse@serveur/nom.</translation>
        </message>
        <message>
            <source>The database {where} holds another program's tables, not Istiqbal's; nothing was changed. Choose an empty or an Istiqbal database.</source>
            <translation>La base de données {where} contient les tables d'un autre programme, pas celles d'Istiqbal ; rien n'a été modifié. Choisissez une base vide ou une base Istiqbal.</translation>
        </message>
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
            <source>The database {where} can be read by other users (mode {mode}) and Istiqbal cannot change that; ask its owner to make it readable by its owner only.</source>
            <translation>La base {where} peut être lue par d'autres utilisateurs (mode {mode}) et Istiqbal ne peut pas le changer ; demandez à son propriétaire de la rendre lisible par lui seul.</translation>
        </message>
        <message>
            <source>The database {where} could be read by other users; it is now readable by its owner only.</source>
            <translation>La base {where} pouvait être lue par d'autres utilisateurs ; elle n'est plus lisible que par son propriétaire.</translation>
        </message>
        <message>
            <source>The database file {where} is on a network share, where SQLite loses data; use a PostgreSQL server to share data between PCs (--db postgresql+psycopg://…).</source>
            <translation>Le fichier de base de données {where} est sur un partage réseau, où SQLite perd des données ; utilisez un serveur PostgreSQL pour partager les données entre postes (--db postgresql+psycopg://…).</translation>
        </message>
        <message>
            <source>PostgreSQL support is not installed: run “uv sync --extra postgresql”.</source>
            <translation>La prise en charge de PostgreSQL n'est pas installée : lancez « uv sync --extra postgresql ».</translation>
        </message>
        <message>
            <source>The database {where} was made by a newer version of Istiqbal ({rev}); install that version. Nothing was changed.</source>
            <translation>La base de données {where} a été créée par une version plus récente d'Istiqbal ({rev}) ; installez cette version. Rien n'a été modifié.</translation>
        </message>
        <message>
            <source>The database {where} is busy with another long task (an import, an upgrade); nothing was changed: try again when it ends.</source>
            <translation>La base {where} est occupée par une autre tâche longue (un import, une mise à niveau) ; rien n'a été modifié : réessayez quand elle sera terminée.</translation>
        </message>
        <message>
            <source>Waiting for another task using the database (an import)…</source>
            <translation>En attente d'une autre tâche qui utilise la base (un import)…</translation>
        </message>
        <message>
            <source>{where} is a folder, not a database file.</source>
            <translation>{where} est un dossier, pas un fichier de base de données.</translation>
        </message>
        <message>
            <source>The database {where} cannot be opened: its folder does not exist or cannot be written to.</source>
            <translation>Impossible d'ouvrir la base de données {where} : son dossier n'existe pas ou n'est pas accessible en écriture.</translation>
        </message>
        <message>
            <source>The database file {where} does not exist.</source>
            <translation>Le fichier de base de données {where} n'existe pas.</translation>
        </message>
        <message>
            <source>The backup made before upgrading {where} did not read back as a copy of it ({problem}); the upgrade was not made. Free some disk space or check the backups folder, then try again.</source>
            <translation>La sauvegarde faite avant la mise à niveau de {where} ne se relit pas comme sa copie ({problem}) ; la mise à niveau n'a pas été faite. Libérez de l'espace disque ou vérifiez le dossier des sauvegardes, puis réessayez.</translation>
        </message>
        <message>
            <source>The backup made before upgrading {where} could not be written ({reason}); the upgrade was not made.</source>
            <translation>La sauvegarde préalable à la mise à niveau de {where} n'a pas pu être écrite ({reason}) ; la mise à niveau n'a pas été faite.</translation>
        </message>
        <message>
            <source>Upgrading {where} would break links between records; nothing changed.</source>
            <translation>La mise à niveau de {where} briserait des liens entre enregistrements ; rien n'a été modifié.</translation>
        </message>
        <message>
            <source>audit entry {id} does not follow from the entries before it: the audit trail was added to or changed outside Istiqbal</source>
            <translation>l'entrée de journal {id} ne découle pas des entrées qui la précèdent : le journal d'audit a été complété ou modifié en dehors d'Istiqbal</translation>
        </message>
        <message>
            <source>the safeguard {name} is missing (the audit trail or the search index is no longer protected)</source>
            <translation>la protection {name} manque (le journal d'audit ou l'index de recherche n'est plus protégé)</translation>
        </message>
        <message>
            <source>the table {name} is missing</source>
            <translation>la table {name} manque</translation>
        </message>
        <message>
            <source>the index {name} is missing</source>
            <translation>l'index {name} manque</translation>
        </message>
        <message>
            <source>Back up a PostgreSQL database with pg_dump; Istiqbal backs up SQLite files.</source>
            <translation>Sauvegardez une base PostgreSQL avec pg_dump ; Istiqbal sauvegarde les fichiers SQLite.</translation>
        </message>
        <message>
            <source>{path} exists and is not an Istiqbal backup; choose another file, or add --force to replace it.</source>
            <translation>{path} existe et n'est pas une sauvegarde d'Istiqbal ; choisissez un autre fichier, ou ajoutez --force pour le remplacer.</translation>
        </message>
        <message>
            <source>The backup cannot be written over the database itself ({path}); choose another file.</source>
            <translation>La sauvegarde ne peut pas écraser la base de données elle-même ({path}) ; choisissez un autre fichier.</translation>
        </message>
        <message>
            <source>The backup did not read back as a copy of the database ({problem}); nothing was kept.</source>
            <translation>La sauvegarde ne se relit pas comme une copie de la base ({problem}) ; rien n'a été conservé.</translation>
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
            <source>Legal deadline: 48 hours after receipt, nights and holidays included (circular 2/2020, C2.1: «at most 48 hours»).</source>
            <translation>Délai légal : 48 heures après réception, nuits et jours fériés compris (circulaire 2/2020, C2.1 : « au plus 48 heures »).</translation>
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
            <source>Overdue after notice</source>
            <translation>En retard après avis</translation>
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
        <message numerus="yes">
            <source>Internal target of the body: an answer within %n h of receipt, counted in working hours only, and never later than the legal deadline.</source>
            <translation>
                <numerusform>Objectif interne de l'organisme : une réponse dans les %n heure ouvrées après réception, comptées aux heures de bureau seulement, jamais au-delà du délai légal.</numerusform>
                <numerusform>Objectif interne de l'organisme : une réponse dans les %n heures ouvrées après réception, comptées aux heures de bureau seulement, jamais au-delà du délai légal.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Internal target of the body: an answer within %n h of receipt.</source>
            <translation>
                <numerusform>Objectif interne de l'organisme : une réponse dans les %n heure après réception.</numerusform>
                <numerusform>Objectif interne de l'organisme : une réponse dans les %n heures après réception.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>demo</name>
        <message>
            <source>--years must be between 1 and 10.</source>
            <translation>--years doit être compris entre 1 et 10.</translation>
        </message>
        <message>
            <source>Demo data goes only into an empty database; this one holds {tables}.</source>
            <translation>Les données de démonstration ne vont que dans une base vide ; celle-ci contient {tables}.</translation>
        </message>
    </context>
    <context>
        <name>directory</name>
        <message>
            <source>retired</source>
            <translation>retirée</translation>
        </message>
        <message>
            <source>faulty at its latest check</source>
            <translation>en panne à la dernière vérification</translation>
        </message>
        <message>
            <source>not checked in 30 days</source>
            <translation>non vérifiée depuis 30 jours</translation>
        </message>
        <message>
            <source>The directory is made in Arabic or French.</source>
            <translation>L'annuaire se fait en arabe ou en français.</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist; choose another folder.</source>
            <translation>Le dossier {folder} n'existe pas ; choisissez un autre dossier.</translation>
        </message>
        <message>
            <source>Cannot write {file}: {reason}</source>
            <translation>Impossible d'écrire {file} : {reason}</translation>
        </message>
        <message>
            <source>Write the directory to a .pdf, .html or .txt file.</source>
            <translation>Écrivez l'annuaire dans un fichier .pdf, .html ou .txt.</translation>
        </message>
    </context>
    <context>
        <name>equipment</name>
        <message>
            <source>Headset</source>
            <translation>Casque</translation>
        </message>
        <message>
            <source>Phone set</source>
            <translation>Poste téléphonique</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Ordinateur</translation>
        </message>
        <message>
            <source>Access to the guides</source>
            <translation>Accès aux guides</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>En état</translation>
        </message>
        <message>
            <source>Broken</source>
            <translation>En panne</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Manquant</translation>
        </message>
        <message>
            <source>Give the reception post a name.</source>
            <translation>Donnez un nom au poste d'accueil.</translation>
        </message>
        <message>
            <source>A post named {name} already exists.</source>
            <translation>Un poste nommé {name} existe déjà.</translation>
        </message>
        <message>
            <source>“{value}” is not a condition.</source>
            <translation>« {value} » n'est pas un état.</translation>
        </message>
        <message>
            <source>This equipment no longer exists.</source>
            <translation>Cet équipement n'existe plus.</translation>
        </message>
    </context>
    <context>
        <name>eservices</name>
        <message>
            <source>Clear description</source>
            <translation>Description claire</translation>
        </message>
        <message>
            <source>Requirements stated</source>
            <translation>Prérequis indiqués</translation>
        </message>
        <message>
            <source>Link works</source>
            <translation>Le lien fonctionne</translation>
        </message>
        <message>
            <source>Two clicks from the home page</source>
            <translation>À deux clics de l'accueil</translation>
        </message>
        <message>
            <source>Reviewed recently</source>
            <translation>Revu récemment</translation>
        </message>
        <message>
            <source>The description is missing or too short.</source>
            <translation>La description manque ou est trop courte.</translation>
        </message>
        <message>
            <source>What is needed to use it is not stated.</source>
            <translation>Ce qu'il faut pour l'utiliser n'est pas indiqué.</translation>
        </message>
        <message>
            <source>The link did not work at its latest check.</source>
            <translation>Le lien ne fonctionnait pas à la dernière vérification.</translation>
        </message>
        <message>
            <source>The link has never been checked.</source>
            <translation>Le lien n'a jamais été vérifié.</translation>
        </message>
        <message>
            <source>The website audit did not find it within two clicks.</source>
            <translation>L'audit du site ne l'a pas trouvé à deux clics.</translation>
        </message>
        <message>
            <source>Its information has not been reviewed in time.</source>
            <translation>Ses informations n'ont pas été revues à temps.</translation>
        </message>
        <message>
            <source>“{url}” is not a web address (http:// or https://).</source>
            <translation>« {url} » n'est pas une adresse web (http:// ou https://).</translation>
        </message>
        <message>
            <source>Give the service a name in Arabic or French.</source>
            <translation>Donnez au service un nom en arabe ou en français.</translation>
        </message>
        <message>
            <source>This online service no longer exists.</source>
            <translation>Ce service en ligne n'existe plus.</translation>
        </message>
        <message>
            <source>Someone else changed this service meanwhile; reopen it and try again.</source>
            <translation>Quelqu'un d'autre a modifié ce service entre-temps ; rouvrez-le et réessayez.</translation>
        </message>
        <message>
            <source>Links checked: {n}; working: {ok}; failing: {bad}.</source>
            <translation>Liens vérifiés : {n} ; fonctionnent : {ok} ; en échec : {bad}.</translation>
        </message>
        <message>
            <source>works ({status}, {ms} ms)</source>
            <translation>fonctionne ({status}, {ms} ms)</translation>
        </message>
    </context>
    <context>
        <name>excel_report</name>
        <message>
            <source>January</source>
            <translation>janvier</translation>
        </message>
        <message>
            <source>February</source>
            <translation>février</translation>
        </message>
        <message>
            <source>March</source>
            <translation>mars</translation>
        </message>
        <message>
            <source>April</source>
            <translation>avril</translation>
        </message>
        <message>
            <source>May</source>
            <translation>mai</translation>
        </message>
        <message>
            <source>June</source>
            <translation>juin</translation>
        </message>
        <message>
            <source>July</source>
            <translation>juillet</translation>
        </message>
        <message>
            <source>August</source>
            <translation>août</translation>
        </message>
        <message>
            <source>September</source>
            <translation>septembre</translation>
        </message>
        <message>
            <source>October</source>
            <translation>octobre</translation>
        </message>
        <message>
            <source>November</source>
            <translation>novembre</translation>
        </message>
        <message>
            <source>December</source>
            <translation>décembre</translation>
        </message>
        <message>
            <source>id</source>
            <translation>id</translation>
        </message>
        <message>
            <source>label</source>
            <translation>indicateur</translation>
        </message>
        <message>
            <source>value</source>
            <translation>valeur</translation>
        </message>
        <message>
            <source>target</source>
            <translation>objectif</translation>
        </message>
        <message>
            <source>previous period</source>
            <translation>période précédente</translation>
        </message>
        <message>
            <source>Quarter {q} {year}</source>
            <translation>Trimestre {q} {year}</translation>
        </message>
        <message>
            <source>{month} {year}</source>
            <translation>{month} {year}</translation>
        </message>
        <message>
            <source>Year {year}</source>
            <translation>Année {year}</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>Du {first} au {last}</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>Page {page} sur {pages}</translation>
        </message>
        <message>
            <source>Public body</source>
            <translation>Organisme public</translation>
        </message>
        <message>
            <source>Cover</source>
            <translation>Couverture</translation>
        </message>
        <message>
            <source>Periodic evaluation of citizen reception</source>
            <translation>Évaluation périodique de l'accueil des citoyens</translation>
        </message>
        <message>
            <source>Circular no. 8 of 19 March 2020 (phone reception, C8.7) and circular no. 2 of 3 April 2020 (remote services)</source>
            <translation>Circulaire n° 8 du 19 mars 2020 (accueil téléphonique, C8.7) et circulaire n° 2 du 3 avril 2020 (services à distance)</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <source>Compared with</source>
            <translation>Comparée à</translation>
        </message>
        <message>
            <source>This report evaluates citizen reception at {body} from {first} to {last}, as circular no. 8 of 19 March 2020 requires (C8.7). Each figure is compared with its target and with the period just before.</source>
            <translation>Ce rapport évalue l'accueil des citoyens (organisme : {body}), du {first} au {last}, comme l'exige la circulaire n° 8 du 19 mars 2020 (C8.7). Chaque valeur est comparée à sa cible et à la période qui précède immédiatement.</translation>
        </message>
        <message>
            <source>Indicators measured: {measured} of {total}. Measured indicators with a target: {n} — meeting it: {good}; close to it: {watch}; short of it: {bad}. The action plan sheet proposes a remedy for each indicator short of or close to its target.</source>
            <translation>Indicateurs mesurés : {measured} sur {total}. Indicateurs mesurés ayant une cible : {n} — l'atteignant : {good} ; proches : {watch} ; en deçà : {bad}. La feuille « Plan d'action » propose une mesure pour chaque indicateur en deçà de sa cible ou proche d'elle.</translation>
        </message>
        <message>
            <source>Requests — received: {received}; answered within the deadline: {on_time} % of those that can be judged (target {target} %); overdue and unanswered at the end of the period: {overdue}.</source>
            <translation>Requêtes — reçues : {received} ; traitées dans le délai : {on_time} % de celles qui peuvent être jugées (cible {target} %) ; en retard et sans réponse en fin de période : {overdue}.</translation>
        </message>
        <message>
            <source>Phone lines — in service: {active}; checked during the period: {checked} %; working at their last check: {working} %; faults still open at the end of the period: {faults}.</source>
            <translation>Lignes téléphoniques — en service : {active} ; contrôlées pendant la période : {checked} % ; fonctionnelles au dernier contrôle : {working} % ; pannes encore ouvertes en fin de période : {faults}.</translation>
        </message>
        <message>
            <source>Call quality — calls evaluated: {count}; mean score: {score} out of 100; picked up in time: {pickup} %; naming the body: {named} %.</source>
            <translation>Qualité des appels — appels évalués : {count} ; note moyenne : {score} sur 100 ; décrochés à temps : {pickup} % ; nommant l'organisme : {named} %.</translation>
        </message>
        <message>
            <source>Call traffic — inbound calls recorded: {calls}; answered: {answered} %; busiest hour: from {hour}:00.</source>
            <translation>Trafic d'appels — appels entrants enregistrés : {calls} ; répondus : {answered} % ; heure la plus chargée : à partir de {hour} h 00.</translation>
        </message>
        <message>
            <source>Staff and training — reception agents active: {agents}; training sessions held: {sessions}; person-hours of training: {hours}; agents trained during the period: {trained} %; trained to serve particular categories of users: {special} %.</source>
            <translation>Personnel et formation — agents d'accueil en activité : {agents} ; sessions de formation tenues : {sessions} ; heures-personnes de formation : {hours} ; agents formés pendant la période : {trained} % ; formés à l'accueil de catégories particulières d'usagers : {special} %.</translation>
        </message>
        <message>
            <source>{period} ({first} to {last})</source>
            <translation>{period} (du {first} au {last})</translation>
        </message>
        <message>
            <source>{body} — {period}</source>
            <translation>{body} — {period}</translation>
        </message>
        <message>
            <source>Deadline clock in force</source>
            <translation>Mode de calcul des délais en vigueur</translation>
        </message>
        <message>
            <source>Generated by</source>
            <translation>Établi par</translation>
        </message>
        <message>
            <source>Generated on</source>
            <translation>Établi le</translation>
        </message>
        <message>
            <source>The director</source>
            <translation>Le directeur</translation>
        </message>
        <message>
            <source>Name and title</source>
            <translation>Nom et qualité</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Signature and stamp</source>
            <translation>Signature et cachet</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Synthèse</translation>
        </message>
        <message>
            <source>Summary of the evaluation</source>
            <translation>Synthèse de l'évaluation</translation>
        </message>
        <message>
            <source>Indicators with a target</source>
            <translation>Indicateurs ayant une cible</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicateur</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Valeur</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Cible</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>Période précédente</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>This report evaluates citizen reception at {body} for {period}, from {first} to {last}, as circular no. 8 of 19 March 2020 requires (C8.7). Each figure is compared with its target and with {previous}.</source>
            <translation>Ce rapport évalue l'accueil des citoyens (organisme : {body} ; période : {period}, du {first} au {last}), comme l'exige la circulaire n° 8 du 19 mars 2020 (C8.7). Chaque valeur est comparée à sa cible et à celle de la période précédente ({previous}).</translation>
        </message>
        <message>
            <source>the body</source>
            <translation>l'organisme</translation>
        </message>
        <message>
            <source>Nothing recorded for this period.</source>
            <translation>Rien d'enregistré pour cette période.</translation>
        </message>
        <message>
            <source>Action plan</source>
            <translation>Plan d'action</translation>
        </message>
        <message>
            <source>Action plan (C8.7)</source>
            <translation>Plan d'action (C8.7)</translation>
        </message>
        <message>
            <source>Every indicator below its target, with a suggested remedy. Write the solutions decided, who carries them out and by when, then sign the cover.</source>
            <translation>Chaque indicateur en deçà de sa cible, avec une mesure proposée. Inscrivez les solutions décidées, qui les met en œuvre et pour quand, puis signez la couverture.</translation>
        </message>
        <message>
            <source>Suggested remedy</source>
            <translation>Mesure proposée</translation>
        </message>
        <message>
            <source>Solutions decided by the director</source>
            <translation>Solutions décidées par le directeur</translation>
        </message>
        <message>
            <source>Responsible</source>
            <translation>Responsable</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>Échéance</translation>
        </message>
        <message>
            <source>Every measured indicator meets its target.</source>
            <translation>Chaque indicateur mesuré atteint sa cible.</translation>
        </message>
        <message>
            <source>Other difficulties found and solutions</source>
            <translation>Autres difficultés constatées et solutions</translation>
        </message>
        <message>
            <source>Q1 {year}</source>
            <translation>T1 {year}</translation>
        </message>
        <message>
            <source>Q2 {year}</source>
            <translation>T2 {year}</translation>
        </message>
        <message>
            <source>Q3 {year}</source>
            <translation>T3 {year}</translation>
        </message>
        <message>
            <source>Q4 {year}</source>
            <translation>T4 {year}</translation>
        </message>
    </context>
    <context>
        <name>file_guard</name>
        <message>
            <source>The file {file} does not exist.</source>
            <translation>Le fichier {file} n'existe pas.</translation>
        </message>
        <message>
            <source>The file {file} cannot be read: {reason}</source>
            <translation>Le fichier {file} ne peut pas être lu : {reason}</translation>
        </message>
        <message>
            <source>{file} is a folder; choose a file inside it.</source>
            <translation>{file} est un dossier ; choisissez un fichier qu'il contient.</translation>
        </message>
        <message>
            <source>{file} is not an ordinary file (a pipe or a device); choose a file.</source>
            <translation>{file} n'est pas un fichier ordinaire (un tube ou un périphérique) ; choisissez un fichier.</translation>
        </message>
        <message>
            <source>{file} is too large to import ({size} MB; at most {limit} MB).</source>
            <translation>{file} est trop volumineux pour être importé ({size} Mo ; au plus {limit} Mo).</translation>
        </message>
        <message>
            <source>{file} would unpack to far more than a spreadsheet holds (a damaged or hostile file); it was not opened.</source>
            <translation>{file} se décompresserait bien au-delà de ce que contient un tableur (fichier endommagé ou malveillant) ; il n'a pas été ouvert.</translation>
        </message>
        <message>
            <source>{file} cannot be imported: {what}.</source>
            <translation>{file} ne peut pas être importé : {what}.</translation>
        </message>
        <message>
            <source>more than {n} rows</source>
            <translation>plus de {n} lignes</translation>
        </message>
        <message>
            <source>more than {n} columns</source>
            <translation>plus de {n} colonnes</translation>
        </message>
        <message>
            <source>row {row}, column {column} holds more than {n} characters</source>
            <translation>la ligne {row}, colonne {column} contient plus de {n} caractères</translation>
        </message>
    </context>
    <context>
        <name>first_run</name>
        <message>
            <source>Enter the body's name in Arabic and in French.</source>
            <translation>Saisissez le nom de l'organisme en arabe et en français.</translation>
        </message>
    </context>
    <context>
        <name>first_steps</name>
        <message>
            <source>Import the phone directory</source>
            <translation>Importer l'annuaire téléphonique</translation>
        </message>
        <message>
            <source>Phone lines → Import: the lines the public can call (C8.1).</source>
            <translation>Lignes téléphoniques → Importer : les lignes que le public peut appeler (C8.1).</translation>
        </message>
        <message>
            <source>Add the reception agents</source>
            <translation>Ajouter les agents d'accueil</translation>
        </message>
        <message>
            <source>Agents → New agent: who answers the public (C8.3).</source>
            <translation>Agents → Nouvel agent : qui répond au public (C8.3).</translation>
        </message>
        <message>
            <source>Add the users</source>
            <translation>Ajouter les utilisateurs</translation>
        </message>
        <message>
            <source>Users → New user: supervisors and agents who sign in.</source>
            <translation>Utilisateurs → Nouvel utilisateur : superviseurs et agents qui se connectent.</translation>
        </message>
        <message>
            <source>Configure the mailbox</source>
            <translation>Configurer la boîte aux lettres</translation>
        </message>
        <message>
            <source>Settings: the e-mail address published for requests (C2.1).</source>
            <translation>Paramètres : l'adresse électronique publiée pour les requêtes (C2.1).</translation>
        </message>
        <message>
            <source>Set the targets</source>
            <translation>Fixer les objectifs</translation>
        </message>
        <message>
            <source>Settings → Targets of the indicators: what counts as good here (C8.7).</source>
            <translation>Paramètres → Objectifs des indicateurs : ce qui compte comme bon ici (C8.7).</translation>
        </message>
    </context>
    <context>
        <name>guides</name>
        <message>
            <source>Reference guide</source>
            <translation>Guide de référence</translation>
        </message>
        <message>
            <source>Procedure manual</source>
            <translation>Manuel de procédures</translation>
        </message>
        <message>
            <source>Give the guide a title.</source>
            <translation>Donnez un intitulé au guide.</translation>
        </message>
        <message>
            <source>Choose a reference guide or a procedure manual.</source>
            <translation>Choisissez un guide de référence ou un manuel de procédures.</translation>
        </message>
        <message>
            <source>Give the guide's version, e.g. 2.0 or 2026-03.</source>
            <translation>Indiquez la version du guide, ex. 2.0 ou 2026-03.</translation>
        </message>
        <message>
            <source>The next review comes after the last review.</source>
            <translation>La prochaine révision vient après la dernière révision.</translation>
        </message>
        <message>
            <source>Version {new} needs its own file: attach the document of version {new}.</source>
            <translation>La version {new} exige son propre fichier : joignez le document de la version {new}.</translation>
        </message>
        <message>
            <source>Version {new} of this guide was published before; give the new version a number of its own.</source>
            <translation>La version {new} de ce guide a déjà été publiée ; donnez à la nouvelle version un numéro qui lui soit propre.</translation>
        </message>
        <message>
            <source>This guide no longer exists.</source>
            <translation>Ce guide n'existe plus.</translation>
        </message>
        <message>
            <source>Your account is not linked to an agent; ask HR to link it.</source>
            <translation>Votre compte n'est lié à aucun agent ; demandez aux RH de le lier.</translation>
        </message>
        <message>
            <source>You may acknowledge guides only for yourself.</source>
            <translation>Vous ne pouvez confirmer la lecture des guides que pour vous-même.</translation>
        </message>
        <message>
            <source>This guide has been withdrawn.</source>
            <translation>Ce guide a été retiré.</translation>
        </message>
        <message>
            <source>Version {old} is no longer current; read version {new} and acknowledge that one.</source>
            <translation>La version {old} n'est plus en vigueur ; lisez la version {new} et confirmez celle-ci.</translation>
        </message>
        <message>
            <source>A reading cannot be dated in the future.</source>
            <translation>Une lecture ne peut pas être datée dans le futur.</translation>
        </message>
        <message>
            <source>This agent no longer exists.</source>
            <translation>Cet agent n'existe plus.</translation>
        </message>
        <message>
            <source>{name} was not working on {day} (not started yet or already left); their reading cannot be recorded for that day.</source>
            <translation>{name} n'était pas en fonction le {day} (pas encore arrivé ou déjà parti) ; sa lecture ne peut pas être enregistrée à cette date.</translation>
        </message>
        <message>
            <source>You may see only your own record.</source>
            <translation>Vous ne pouvez voir que votre propre dossier.</translation>
        </message>
    </context>
    <context>
        <name>kpi</name>
        <message>
            <source>Requests received</source>
            <translation>Requêtes reçues</translation>
        </message>
        <message>
            <source>Requests whose deadline can be judged</source>
            <translation>Requêtes dont le délai peut être jugé</translation>
        </message>
        <message>
            <source>Requests answered or noticed on time</source>
            <translation>Requêtes traitées ou avisées dans le délai</translation>
        </message>
        <message>
            <source>Requests answered within the legal 48 hours (%)</source>
            <translation>Demandes traitées dans le délai légal de 48 heures (%)</translation>
        </message>
        <message>
            <source>Senders told the answer needs documents to consult or coordination</source>
            <translation>Expéditeurs informés que la réponse demande des documents à consulter ou une coordination</translation>
        </message>
        <message>
            <source>Median hours to first response</source>
            <translation>Heures médianes jusqu'à la première réponse</translation>
        </message>
        <message>
            <source>Requests overdue and unanswered at period end</source>
            <translation>Requêtes en retard sans réponse en fin de période</translation>
        </message>
        <message>
            <source>Requests closed</source>
            <translation>Requêtes clôturées</translation>
        </message>
        <message>
            <source>Complaints received</source>
            <translation>Réclamations reçues</translation>
        </message>
        <message>
            <source>Requests from particular categories of users</source>
            <translation>Requêtes des catégories particulières d'usagers</translation>
        </message>
        <message>
            <source>Requests received by e-mail</source>
            <translation>Demandes reçues par courriel</translation>
        </message>
        <message>
            <source>E-mail requests answered within 48 hours (%)</source>
            <translation>Demandes par courriel traitées sous 48 heures (%)</translation>
        </message>
        <message>
            <source>Published e-mail addresses proven to work (%)</source>
            <translation>Adresses électroniques publiées dont le fonctionnement est vérifié (%)</translation>
        </message>
        <message>
            <source>First responses entered after the fact</source>
            <translation>Premières réponses saisies a posteriori</translation>
        </message>
        <message>
            <source>Notices past their announced answer date without an answer at period end</source>
            <translation>Avis dépassant la date de réponse annoncée sans réponse en fin de période</translation>
        </message>
        <message>
            <source>Online services in the catalogue</source>
            <translation>Services en ligne au catalogue</translation>
        </message>
        <message>
            <source>Online services whose link works (%)</source>
            <translation>Services en ligne dont le lien fonctionne (%)</translation>
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
            <source>Missed calls from numbers to call back</source>
            <translation>Appels sans réponse de numéros à rappeler</translation>
        </message>
        <message>
            <source>Missed callers reached within the window (%)</source>
            <translation>Appelants sans réponse joints dans le délai (%)</translation>
        </message>
        <message>
            <source>Median minutes to reach a missed caller</source>
            <translation>Minutes médianes pour joindre un appelant sans réponse</translation>
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
        <name>kpi_remedy</name>
        <message>
            <source>Review the requests answered late with the team, assign a back-up reader for the mailbox on absences and, within the 48 hours, tell the sender when the answer needs many documents to consult or coordination with other public bodies (C2.1).</source>
            <translation>Revoir avec l'équipe les demandes traitées en retard, désigner un suppléant pour la boîte aux lettres en cas d'absence et, dans les 48 heures, informer l'expéditeur quand la réponse demande de nombreux documents à consulter ou une coordination avec d'autres organismes publics (C2.1).</translation>
        </message>
        <message>
            <source>Read the mailbox at least twice a day and answer with the standard replies of the reference guide; send the notice at once when the answer needs coordination (C2.1).</source>
            <translation>Relever la boîte au moins deux fois par jour et répondre avec les réponses types du guide de référence ; envoyer l'avis sans attendre quand la réponse exige une coordination (C2.1).</translation>
        </message>
        <message>
            <source>Answer or send a notice for every overdue request this week, then check the list of requests near their deadline every morning (C2.1).</source>
            <translation>Répondre ou envoyer un avis pour chaque requête en retard cette semaine, puis consulter chaque matin la liste des requêtes proches de leur échéance (C2.1).</translation>
        </message>
        <message>
            <source>Check that each notice names the documents or bodies involved and follow the request to its final answer (C2.1).</source>
            <translation>Vérifier que chaque avis cite les documents ou organismes concernés et suivre la requête jusqu'à sa réponse finale (C2.1).</translation>
        </message>
        <message>
            <source>Record each answer in Istiqbal when it is given, not later; review with the team the responses entered after the fact and their reasons (C2.1).</source>
            <translation>Enregistrer chaque réponse dans Istiqbal au moment où elle est donnée ; revoir avec l'équipe les réponses saisies a posteriori et leurs motifs (C2.1).</translation>
        </message>
        <message>
            <source>Answer the requests whose announced answer date has passed, or tell the sender the new date; chase the documents or the bodies the notice named (C2.1).</source>
            <translation>Répondre aux demandes dont la date de réponse annoncée est passée, ou informer l'expéditeur de la nouvelle date ; relancer les documents ou les organismes nommés dans l'avis (C2.1).</translation>
        </message>
        <message>
            <source>Follow each open request to its final answer and close it; report the requests blocked by another body (C2.3).</source>
            <translation>Suivre chaque requête ouverte jusqu'à sa réponse finale et la clôturer ; signaler les requêtes bloquées par un autre organisme (C2.3).</translation>
        </message>
        <message>
            <source>Plan a test call on every line in service each month and record its result (C8.1).</source>
            <translation>Programmer chaque mois un appel de test sur chaque ligne en service et en noter le résultat (C8.1).</translation>
        </message>
        <message>
            <source>Report each line found out of order to the operator at once and forward it to a working line meanwhile (C8.4, C2.4).</source>
            <translation>Signaler sans délai à l'opérateur chaque ligne hors service et la renvoyer entre-temps vers une ligne qui fonctionne (C8.4, C2.4).</translation>
        </message>
        <message>
            <source>Repair or replace the dead links of the online services and check them again (C2.2).</source>
            <translation>Réparer ou remplacer les liens morts des services en ligne et les vérifier à nouveau (C2.2).</translation>
        </message>
        <message>
            <source>Publish every line in service on the website and on forms and posters, and remove the retired ones (C8.1).</source>
            <translation>Publier chaque ligne en service sur le site web, les formulaires et les affiches, et retirer les lignes supprimées (C8.1).</translation>
        </message>
        <message>
            <source>Chase the operator for each open fault and forward the line to an agent's phone until it is repaired (C8.4, C2.4).</source>
            <translation>Relancer l'opérateur pour chaque panne ouverte et renvoyer la ligne vers le téléphone d'un agent jusqu'à sa réparation (C8.4, C2.4).</translation>
        </message>
        <message>
            <source>Agree a repair delay with the operator and escalate the faults that exceed it (C8.4).</source>
            <translation>Convenir d'un délai de réparation avec l'opérateur et faire remonter les pannes qui le dépassent (C8.4).</translation>
        </message>
        <message>
            <source>Reinforce the lines at peak hours, forward unanswered lines to an available agent and remind agents that calls must be picked up within five minutes (C8.2, C8.4).</source>
            <translation>Renforcer les lignes aux heures de pointe, renvoyer les lignes sans réponse vers un agent disponible et rappeler aux agents de décrocher en moins de cinq minutes (C8.2, C8.4).</translation>
        </message>
        <message>
            <source>Remind agents to greet the caller first, with a short session on the reception standards (C8.2, C8.5).</source>
            <translation>Rappeler aux agents de saluer l'appelant en premier, avec une courte session sur les normes d'accueil (C8.2, C8.5).</translation>
        </message>
        <message>
            <source>Post the standard greeting that names the body beside every phone and check it during listening sessions (C8.2).</source>
            <translation>Afficher près de chaque téléphone la formule d'accueil qui nomme l'organisme et la vérifier lors des écoutes (C8.2).</translation>
        </message>
        <message>
            <source>Go over the evaluations with each agent, train on the weakest criteria and recognise the best agents (C8.2, C8.5).</source>
            <translation>Passer en revue les évaluations avec chaque agent, former sur les critères les plus faibles et distinguer les meilleurs agents (C8.2, C8.5).</translation>
        </message>
        <message>
            <source>Plan listening sessions and mystery calls every month so that each agent is evaluated (C8.7).</source>
            <translation>Programmer chaque mois des écoutes et des appels mystère pour que chaque agent soit évalué (C8.7).</translation>
        </message>
        <message>
            <source>Add agents or lines at the peak hour shown in the traffic sheet and forward lines left unattended (C8.4, C2.4).</source>
            <translation>Ajouter des agents ou des lignes à l'heure de pointe indiquée dans la feuille du trafic et renvoyer les lignes laissées sans agent (C8.4, C2.4).</translation>
        </message>
        <message>
            <source>Reorganise the reception rota around the peak hours so that calls are picked up quickly (C8.2, C8.4).</source>
            <translation>Réorganiser le planning de l'accueil autour des heures de pointe pour décrocher rapidement (C8.2, C8.4).</translation>
        </message>
        <message>
            <source>Go through the list of callers to call back every morning, assign it to an agent with a line or a service mobile, and record each call-back (C2.4, C8.2).</source>
            <translation>Parcourir chaque matin la liste des appelants à rappeler, la confier à un agent disposant d'une ligne ou d'un mobile de service, et enregistrer chaque rappel (C2.4, C8.2).</translation>
        </message>
        <message>
            <source>Call the missed callers back the same morning, starting with the oldest in the list, and forward the line to a mobile when nobody is at the desk (C2.4, C8.2).</source>
            <translation>Rappeler les appelants sans réponse le matin même, en commençant par les plus anciens de la liste, et renvoyer la ligne vers un mobile quand personne n'est au poste (C2.4, C8.2).</translation>
        </message>
        <message>
            <source>Plan the training sessions of the next quarter on reception techniques and legal updates (C8.5).</source>
            <translation>Programmer les formations du prochain trimestre sur les techniques d'accueil et les mises à jour juridiques (C8.5).</translation>
        </message>
        <message>
            <source>Register the agents not yet trained in the next session on reception and guidance techniques (C8.5).</source>
            <translation>Inscrire les agents non encore formés à la prochaine session sur les techniques d'accueil et d'orientation (C8.5).</translation>
        </message>
        <message>
            <source>Organise an awareness session on serving people with disabilities and the elderly for the agents not yet trained (C8.6).</source>
            <translation>Organiser une session de sensibilisation à l'accueil des personnes handicapées et âgées pour les agents non encore formés (C8.6).</translation>
        </message>
        <message>
            <source>Look into the causes with the team concerned and set a dated correction (C8.7).</source>
            <translation>Analyser les causes avec l'équipe concernée et fixer une correction datée (C8.7).</translation>
        </message>
    </context>
    <context>
        <name>kpi_status</name>
        <message>
            <source>Good</source>
            <translation>Bon</translation>
        </message>
        <message>
            <source>Watch</source>
            <translation>À surveiller</translation>
        </message>
        <message>
            <source>Below target</source>
            <translation>Sous la cible</translation>
        </message>
        <message>
            <source>No target</source>
            <translation>Sans cible</translation>
        </message>
        <message>
            <source>Not yet measurable</source>
            <translation>Pas encore mesurable</translation>
        </message>
        <message>
            <source>No data</source>
            <translation>Pas de données</translation>
        </message>
    </context>
    <context>
        <name>legal_updates</name>
        <message>
            <source>Give the text's reference, e.g. Decree 2026-123.</source>
            <translation>Indiquez la référence du texte, ex. Décret 2026-123.</translation>
        </message>
        <message>
            <source>One of the agents no longer exists.</source>
            <translation>Un des agents n'existe plus.</translation>
        </message>
        <message>
            <source>This update no longer exists.</source>
            <translation>Cette mise à jour n'existe plus.</translation>
        </message>
    </context>
    <context>
        <name>lines</name>
        <message>
            <source>Switchboard</source>
            <translation>Standard</translation>
        </message>
        <message>
            <source>Green number</source>
            <translation>Numéro vert</translation>
        </message>
        <message>
            <source>Short number</source>
            <translation>Numéro court</translation>
        </message>
        <message>
            <source>Call centre</source>
            <translation>Centre d'appel</translation>
        </message>
        <message>
            <source>Fax</source>
            <translation>Fax</translation>
        </message>
        <message>
            <source>Direct line</source>
            <translation>Ligne directe</translation>
        </message>
        <message>
            <source>Service mobile</source>
            <translation>Mobile de service</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <source>In service</source>
            <translation>En service</translation>
        </message>
        <message>
            <source>Faulty</source>
            <translation>En panne</translation>
        </message>
        <message>
            <source>Out of service</source>
            <translation>Hors service</translation>
        </message>
        <message>
            <source>Retired</source>
            <translation>Retirée</translation>
        </message>
        <message>
            <source>Mystery call</source>
            <translation>Appel mystère</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Importé</translation>
        </message>
        <message>
            <source>Verification round</source>
            <translation>Tournée de vérification</translation>
        </message>
        <message>
            <source>Answered and named the body</source>
            <translation>Répondu en nommant l'organisme</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>Répondu</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>Pas de réponse</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>Occupé</translation>
        </message>
        <message>
            <source>Out of order</source>
            <translation>En dérangement</translation>
        </message>
        <message>
            <source>Wrong destination</source>
            <translation>Mauvais destinataire</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>Site web</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Courriers</translation>
        </message>
        <message>
            <source>Posters</source>
            <translation>Affiches</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>This phone line no longer exists.</source>
            <translation>Cette ligne téléphonique n'existe plus.</translation>
        </message>
        <message>
            <source>Someone else changed this record meanwhile; reopen it and try again.</source>
            <translation>Quelqu'un d'autre a modifié cet enregistrement entre-temps ; rouvrez-le et réessayez.</translation>
        </message>
        <message>
            <source>Choose the kind of line.</source>
            <translation>Choisissez le type de ligne.</translation>
        </message>
        <message>
            <source>Choose the status of the line.</source>
            <translation>Choisissez l'état de la ligne.</translation>
        </message>
        <message>
            <source>“{where}” is not a place where numbers are published.</source>
            <translation>« {where} » n'est pas un lieu de publication des numéros.</translation>
        </message>
        <message>
            <source>The extension “{text}” must be digits only.</source>
            <translation>Le poste « {text} » ne doit contenir que des chiffres.</translation>
        </message>
        <message>
            <source>The number {number} is already in the inventory ({label}).</source>
            <translation>Le numéro {number} est déjà dans l'inventaire ({label}).</translation>
        </message>
        <message>
            <source>Choose the result of the check.</source>
            <translation>Choisissez le résultat du contrôle.</translation>
        </message>
        <message>
            <source>A check cannot be recorded in the future.</source>
            <translation>Un contrôle ne peut pas être daté dans le futur.</translation>
        </message>
        <message>
            <source>The line {number} is retired; it cannot be checked.</source>
            <translation>La ligne {number} est retirée ; elle ne peut pas être contrôlée.</translation>
        </message>
        <message>
            <source>Say why the check is withdrawn.</source>
            <translation>Indiquez pourquoi le contrôle est retiré.</translation>
        </message>
        <message>
            <source>This check no longer exists.</source>
            <translation>Ce contrôle n'existe plus.</translation>
        </message>
        <message>
            <source>Only the person who recorded a check can withdraw it.</source>
            <translation>Seule la personne qui a enregistré un contrôle peut le retirer.</translation>
        </message>
        <message>
            <source>A check can be withdrawn only within a day of recording it.</source>
            <translation>Un contrôle ne peut être retiré que dans la journée qui suit son enregistrement.</translation>
        </message>
        <message>
            <source>A fault cannot be reported in the future.</source>
            <translation>Une panne ne peut pas être signalée dans le futur.</translation>
        </message>
        <message>
            <source>Describe the fault (what callers hear or see).</source>
            <translation>Décrivez la panne (ce qu'entendent ou constatent les appelants).</translation>
        </message>
        <message>
            <source>A repair cannot be recorded in the future.</source>
            <translation>Une réparation ne peut pas être datée dans le futur.</translation>
        </message>
        <message>
            <source>This fault no longer exists.</source>
            <translation>Cette panne n'existe plus.</translation>
        </message>
        <message>
            <source>This fault is already marked repaired.</source>
            <translation>Cette panne est déjà marquée réparée.</translation>
        </message>
        <message>
            <source>The repair cannot come before the fault was reported.</source>
            <translation>La réparation ne peut pas précéder le signalement de la panne.</translation>
        </message>
        <message>
            <source>Name the maintenance task.</source>
            <translation>Nommez la tâche de maintenance.</translation>
        </message>
        <message>
            <source>The maintenance interval must be between 1 and 3650 days.</source>
            <translation>La périodicité de maintenance doit être comprise entre 1 et 3650 jours.</translation>
        </message>
        <message>
            <source>Maintenance cannot be marked done in the future.</source>
            <translation>Une maintenance ne peut pas être marquée faite dans le futur.</translation>
        </message>
        <message>
            <source>This maintenance task no longer exists.</source>
            <translation>Cette tâche de maintenance n'existe plus.</translation>
        </message>
        <message>
            <source>Name the peak period (e.g. school enrolment).</source>
            <translation>Nommez la période de pointe (ex. rentrée scolaire).</translation>
        </message>
        <message>
            <source>The peak period ends before it starts.</source>
            <translation>La période de pointe se termine avant de commencer.</translation>
        </message>
        <message>
            <source>Extra lines and agents cannot be negative.</source>
            <translation>Les lignes et agents supplémentaires ne peuvent pas être négatifs.</translation>
        </message>
        <message>
            <source>A reinforcement plan adds at least one line or one agent.</source>
            <translation>Un plan de renfort ajoute au moins une ligne ou un agent.</translation>
        </message>
        <message>
            <source>This plan no longer exists.</source>
            <translation>Ce plan n'existe plus.</translation>
        </message>
        <message>
            <source>The forwarding must end after it starts.</source>
            <translation>Le renvoi doit se terminer après son début.</translation>
        </message>
        <message>
            <source>This forwarding would already be over.</source>
            <translation>Ce renvoi serait déjà terminé.</translation>
        </message>
        <message>
            <source>A retired line cannot be forwarded.</source>
            <translation>Une ligne retirée ne peut pas être renvoyée.</translation>
        </message>
        <message>
            <source>A line cannot be forwarded to itself.</source>
            <translation>Une ligne ne peut pas être renvoyée vers elle-même.</translation>
        </message>
        <message>
            <source>Choose the agent who will answer.</source>
            <translation>Choisissez l'agent qui répondra.</translation>
        </message>
        <message>
            <source>This line is already forwarded during part of that period.</source>
            <translation>Cette ligne est déjà renvoyée pendant une partie de cette période.</translation>
        </message>
        <message>
            <source>This forwarding no longer exists.</source>
            <translation>Ce renvoi n'existe plus.</translation>
        </message>
    </context>
    <context>
        <name>lines_file</name>
        <message>
            <source>“{text}” is not a kind of line (switchboard, green, short, call_centre, fax, direct, mobile, other).</source>
            <translation>« {text} » n'est pas un type de ligne (standard, numéro vert, numéro court, centre d'appel, fax, ligne directe, mobile de service, autre).</translation>
        </message>
        <message>
            <source>“{text}” is not a place of publication (website, letters, posters, documents).</source>
            <translation>« {text} » n'est pas un lieu de publication (site web, courriers, affiches, documents).</translation>
        </message>
        <message>
            <source>{number} is already on row {first} with extension {kept}; one line per number is kept, so extension {lost} of this row is not imported.</source>
            <translation>{number} figure déjà à la ligne {first} avec le poste {kept} ; une seule ligne est gardée par numéro, le poste {lost} de cette ligne n'est donc pas importé.</translation>
        </message>
        <message>
            <source>{number} is already on row {first} without an extension; one line per number is kept, so extension {lost} of this row is not imported.</source>
            <translation>{number} figure déjà à la ligne {first} sans poste ; une seule ligne est gardée par numéro, le poste {lost} de cette ligne n'est donc pas importé.</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Numéro</translation>
        </message>
        <message>
            <source>Extension</source>
            <translation>Poste</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Libellé</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Published on</source>
            <translation>Publié sur</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Last check</source>
            <translation>Dernier contrôle</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Forwarded to</source>
            <translation>Renvoyé vers</translation>
        </message>
        <message>
            <source>International form</source>
            <translation>Forme internationale</translation>
        </message>
        <message>
            <source>The export is an Excel file: give a name ending in .xlsx.</source>
            <translation>L'export est un fichier Excel : donnez un nom se terminant par .xlsx.</translation>
        </message>
        <message>
            <source>Phone lines</source>
            <translation>Lignes téléphoniques</translation>
        </message>
        <message>
            <source>Phone lines published to the public</source>
            <translation>Lignes téléphoniques publiées au public</translation>
        </message>
        <message>
            <source>Exported on {date}</source>
            <translation>Exporté le {date}</translation>
        </message>
        <message>
            <source>Page &amp;P of &amp;N</source>
            <translation>Page &amp;P sur &amp;N</translation>
        </message>
        <message>
            <source>{file} cannot be written: is it open in another program?</source>
            <translation>Impossible d'écrire {file} : est-il ouvert dans un autre programme ?</translation>
        </message>
        <message>
            <source>{file} cannot be written: {reason}</source>
            <translation>Impossible d'écrire {file} : {reason}</translation>
        </message>
    </context>
    <context>
        <name>mail</name>
        <message>
            <source>{address}: {outcome}</source>
            <translation>{address} : {outcome}</translation>
        </message>
        <message>
            <source>IMAP: signed in to {host}, folder {folder} found.</source>
            <translation>IMAP : connecté à {host}, dossier {folder} trouvé.</translation>
        </message>
        <message>
            <source>SMTP: signed in to {host}.</source>
            <translation>SMTP : connecté à {host}.</translation>
        </message>
        <message>
            <source>No active mailbox has the address {address}.</source>
            <translation>Aucune boîte aux lettres active n'a l'adresse {address}.</translation>
        </message>
        <message>
            <source>No mailbox is configured: add one in Settings.</source>
            <translation>Aucune boîte aux lettres n'est configurée : ajoutez-en une dans les paramètres.</translation>
        </message>
        <message>
            <source>{file} is not a regular file.</source>
            <translation>{file} n'est pas un fichier ordinaire.</translation>
        </message>
        <message>
            <source>{file} is too large to import ({size} MB).</source>
            <translation>{file} est trop volumineux pour être importé ({size} Mo).</translation>
        </message>
        <message>
            <source>{file} does not exist.</source>
            <translation>{file} n'existe pas.</translation>
        </message>
        <message>
            <source>The folder {file} holds no .eml file.</source>
            <translation>Le dossier {file} ne contient aucun fichier .eml.</translation>
        </message>
        <message>
            <source>The file cannot be read ({reason}).</source>
            <translation>Le fichier ne peut pas être lu ({reason}).</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>Le fichier est vide.</translation>
        </message>
        <message>
            <source>The file is not a saved e-mail (it does not start with headers such as From: or Date:); save messages as .eml, or a mailbox as mbox.</source>
            <translation>Le fichier n'est pas un courriel enregistré (il ne commence pas par des en-têtes comme From: ou Date:) ; enregistrez les messages en .eml, ou une boîte aux lettres en mbox.</translation>
        </message>
        <message>
            <source>No published mailbox to prove: add one in Settings.</source>
            <translation>Aucune boîte aux lettres publiée à vérifier : ajoutez-en une dans les paramètres.</translation>
        </message>
        <message>
            <source>Istiqbal: proof that this address receives mail</source>
            <translation>Istiqbal : vérification que cette adresse reçoit le courrier</translation>
        </message>
        <message>
            <source>Automatic message sent by Istiqbal to prove that the published address works (circular 2/2020). It can be deleted.</source>
            <translation>Message automatique envoyé par Istiqbal pour vérifier que l'adresse publiée fonctionne (circulaire 2/2020). Il peut être supprimé.</translation>
        </message>
        <message>
            <source>The probe arrived: {address} receives mail.</source>
            <translation>Le message test est arrivé : {address} reçoit le courrier.</translation>
        </message>
        <message>
            <source>(no subject)</source>
            <translation>(sans objet)</translation>
        </message>
        <message>
            <source>The message came back undelivered.</source>
            <translation>Le message est revenu sans avoir été remis.</translation>
        </message>
        <message>
            <source>“{value}” is not an e-mail address.</source>
            <translation>« {value} » n'est pas une adresse électronique.</translation>
        </message>
        <message>
            <source>“{value}” is not a server name.</source>
            <translation>« {value} » n'est pas un nom de serveur.</translation>
        </message>
        <message>
            <source>A port is a number from 1 to 65535.</source>
            <translation>Un port est un nombre de 1 à 65535.</translation>
        </message>
        <message>
            <source>Connections are always encrypted: choose TLS or STARTTLS.</source>
            <translation>Les connexions sont toujours chiffrées : choisissez TLS ou STARTTLS.</translation>
        </message>
        <message>
            <source>Unknown place of publication.</source>
            <translation>Lieu de publication inconnu.</translation>
        </message>
        <message>
            <source>The certificate authority file {file} does not exist.</source>
            <translation>Le fichier d'autorité de certification {file} n'existe pas.</translation>
        </message>
        <message>
            <source>Give the mailbox's password.</source>
            <translation>Indiquez le mot de passe de la boîte aux lettres.</translation>
        </message>
        <message>
            <source>A mailbox with the address {address} already exists.</source>
            <translation>Une boîte aux lettres d'adresse {address} existe déjà.</translation>
        </message>
        <message>
            <source>This mailbox no longer exists.</source>
            <translation>Cette boîte aux lettres n'existe plus.</translation>
        </message>
        <message>
            <source>The mailbox {address} was changed meanwhile; reopen it.</source>
            <translation>La boîte aux lettres {address} a été modifiée entre-temps ; rouvrez-la.</translation>
        </message>
        <message>
            <source>No password is stored for {address}: enter it again in Settings.</source>
            <translation>Aucun mot de passe n'est enregistré pour {address} : saisissez-le à nouveau dans les paramètres.</translation>
        </message>
        <message>
            <source>The {server} server name {host} cannot be found (DNS).</source>
            <translation>Le nom du serveur {server} {host} est introuvable (DNS).</translation>
        </message>
        <message>
            <source>The {server} server {host} does not answer or cut the connection.</source>
            <translation>Le serveur {server} {host} ne répond pas ou a coupé la connexion.</translation>
        </message>
        <message>
            <source>The {server} server {host} has no valid certificate for that name, or refused the encrypted connection (TLS).</source>
            <translation>Le serveur {server} {host} n'a pas de certificat valide pour ce nom, ou a refusé la connexion chiffrée (TLS).</translation>
        </message>
        <message>
            <source>The {server} server {host} refused the user name or the password.</source>
            <translation>Le serveur {server} {host} a refusé le nom d'utilisateur ou le mot de passe.</translation>
        </message>
        <message>
            <source>The folder does not exist on the {server} server {host}.</source>
            <translation>Le dossier n'existe pas sur le serveur {server} {host}.</translation>
        </message>
        <message>
            <source>The {server} server {host} refused the message.</source>
            <translation>Le serveur {server} {host} a refusé le message.</translation>
        </message>
        <message>
            <source>The {server} server {host} answered in an unexpected way.</source>
            <translation>Le serveur {server} {host} a répondu de façon inattendue.</translation>
        </message>
        <message>
            <source>The message is larger than the {limit} MB limit set in Settings.</source>
            <translation>Le message dépasse la limite de {limit} Mo fixée dans les paramètres.</translation>
        </message>
        <message>
            <source>The message has neither a usable Received: nor a usable Date: header, so when it arrived is unknown.</source>
            <translation>Le message n'a ni en-tête Received: ni en-tête Date: exploitable : sa date d'arrivée est inconnue.</translation>
        </message>
        <message>
            <source>The message has no sender address to answer.</source>
            <translation>Le message n'a pas d'adresse d'expéditeur à laquelle répondre.</translation>
        </message>
        <message>
            <source>The message is damaged or built to be unreadable; it was not read.</source>
            <translation>Le message est endommagé ou construit pour être illisible ; il n'a pas été lu.</translation>
        </message>
        <message>
            <source>Unknown kind of message.</source>
            <translation>Type de message inconnu.</translation>
        </message>
        <message>
            <source>Request {ref} has no e-mail address to answer.</source>
            <translation>La demande {ref} n'a pas d'adresse électronique à laquelle répondre.</translation>
        </message>
        <message>
            <source>Sent by e-mail to {address}: {subject}</source>
            <translation>Envoyé par courriel à {address} : {subject}</translation>
        </message>
        <message>
            <source>This attachment no longer exists.</source>
            <translation>Cette pièce jointe n'existe plus.</translation>
        </message>
        <message numerus="yes">
            <source>Checked (nothing written): new requests: %n; replies to a request: {r}; automatic messages: {a}; already present: {d}.</source>
            <translation>
                <numerusform>Vérifié (rien n'a été écrit) : %n nouvelle demande, {r} réponses à une demande, {a} messages automatiques, {d} déjà présents.</numerusform>
                <numerusform>Vérifié (rien n'a été écrit) : %n nouvelles demandes, {r} réponses à une demande, {a} messages automatiques, {d} déjà présents.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>New requests imported: %n; replies to a request: {r}; automatic messages: {a}; skipped as already present: {d}.</source>
            <translation>
                <numerusform>Importé %n nouvelle demande, {r} réponses à une demande, {a} messages automatiques ; {d} déjà présents ignorés.</numerusform>
                <numerusform>Importé %n nouvelles demandes, {r} réponses à une demande, {a} messages automatiques ; {d} déjà présents ignorés.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>New requests: %n; replies: {r}; automatic: {a}; kept aside as unreadable: {f}.</source>
            <translation>
                <numerusform>%n nouvelle demande, {r} réponses, {a} automatiques, {f} mis de côté car illisibles.</numerusform>
                <numerusform>%n nouvelles demandes, {r} réponses, {a} automatiques, {f} mis de côté car illisibles.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The probe sent to {address} did not arrive within %n s.</source>
            <translation>
                <numerusform>Le message test envoyé à {address} n'est pas arrivé en %n seconde.</numerusform>
                <numerusform>Le message test envoyé à {address} n'est pas arrivé en %n secondes.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>mail_report</name>
        <message>
            <source>Received, on time and first response by channel</source>
            <translation>Reçues, dans les délais et première réponse par canal</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Canal</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Reçues</translation>
        </message>
        <message>
            <source>On time (%)</source>
            <translation>Dans les délais (%)</translation>
        </message>
        <message>
            <source>Median hours to first response</source>
            <translation>Heures médianes jusqu'à la première réponse</translation>
        </message>
        <message>
            <source>arrived</source>
            <translation>arrivé</translation>
        </message>
        <message>
            <source>never probed</source>
            <translation>jamais vérifiée</translation>
        </message>
        <message>
            <source>Published mailboxes (C2.1)</source>
            <translation>Boîtes aux lettres publiées (C2.1)</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>Published on</source>
            <translation>Publiée sur</translation>
        </message>
        <message>
            <source>Last probe</source>
            <translation>Dernière vérification</translation>
        </message>
        <message>
            <source>Probe result</source>
            <translation>Résultat de la vérification</translation>
        </message>
        <message>
            <source>Last fetch</source>
            <translation>Dernière relève</translation>
        </message>
        <message>
            <source>Fetch outcome</source>
            <translation>Résultat de la relève</translation>
        </message>
        <message>
            <source>Failed sendings</source>
            <translation>Envois échoués</translation>
        </message>
        <message>
            <source>Every published address must be proven to receive mail (circular 2/2020); a probe older than 30 days no longer proves it.</source>
            <translation>Chaque adresse publiée doit être vérifiée (circulaire 2/2020) ; une vérification de plus de 30 jours ne vaut plus preuve.</translation>
        </message>
        <message>
            <source>E-mail channel</source>
            <translation>Canal courriel</translation>
        </message>
        <message>
            <source>{address}: not proven</source>
            <translation>{address} : non vérifiée</translation>
        </message>
        <message>
            <source>{address}: last proven {when}</source>
            <translation>{address} : vérifiée pour la dernière fois le {when}</translation>
        </message>
        <message>
            <source>Published addresses not proven in 30 days</source>
            <translation>Adresses publiées non vérifiées depuis 30 jours</translation>
        </message>
        <message>
            <source>{ref} — to {address}: {error}</source>
            <translation>{ref} — à {address} : {error}</translation>
        </message>
        <message>
            <source>E-mails not sent (retried)</source>
            <translation>Courriels non envoyés (nouvel essai)</translation>
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
        <message>
            <source>Call evaluations</source>
            <translation>Évaluation des appels</translation>
        </message>
        <message>
            <source>Call traffic</source>
            <translation>Trafic d'appels</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Tableau de bord</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Rapports</translation>
        </message>
        <message>
            <source>Phone lines</source>
            <translation>Lignes téléphoniques</translation>
        </message>
        <message>
            <source>Agents</source>
            <translation>Agents</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Formation</translation>
        </message>
        <message>
            <source>Online services</source>
            <translation>Services en ligne</translation>
        </message>
    </context>
    <context>
        <name>periods</name>
        <message>
            <source>The start date {first} is after the end date {last}: the dates are reversed.</source>
            <translation>La date de début {first} est postérieure à la date de fin {last} : les dates sont inversées.</translation>
        </message>
        <message>
            <source>“{text}” is not a period: write 2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30.</source>
            <translation>« {text} » n'est pas une période : écrivez 2026-Q3, 2026-07, 2026 ou 2026-07-01..2026-09-30.</translation>
        </message>
    </context>
    <context>
        <name>permissions</name>
        <message>
            <source>Your rights changed; sign in again.</source>
            <translation>Vos droits ont changé ; reconnectez-vous.</translation>
        </message>
        <message>
            <source>Your role ({role}) does not allow this action.</source>
            <translation>Votre rôle ({role}) ne permet pas cette action.</translation>
        </message>
        <message>
            <source>Viewer</source>
            <translation>Lecteur</translation>
        </message>
    </context>
    <context>
        <name>phones</name>
        <message>
            <source>The phone number is empty.</source>
            <translation>Le numéro de téléphone est vide.</translation>
        </message>
        <message>
            <source>“{text}” contains no phone number.</source>
            <translation>« {text} » ne contient aucun numéro de téléphone.</translation>
        </message>
        <message>
            <source>“{text}” is not a phone number: it has letters among the digits.</source>
            <translation>« {text} » n'est pas un numéro : il contient des lettres parmi les chiffres.</translation>
        </message>
        <message>
            <source>“{text}” is not a phone number: “{char}” cannot be part of one.</source>
            <translation>« {text} » n'est pas un numéro de téléphone : « {char} » ne peut pas en faire partie.</translation>
        </message>
        <message>
            <source>“{text}” is not a green number: a green number has 8 digits beginning with 80 (e.g. 80 100 321).</source>
            <translation>« {text} » n'est pas un numéro vert : un numéro vert a 8 chiffres et commence par 80 (ex. 80 100 321).</translation>
        </message>
        <message>
            <source>“{text}” is not in Tunisia's known green-number ranges; check it is right.</source>
            <translation>« {text} » n'est pas dans les plages de numéros verts connues en Tunisie ; vérifiez-le.</translation>
        </message>
        <message>
            <source>“{text}” is not a valid Tunisian phone number.</source>
            <translation>« {text} » n'est pas un numéro tunisien valide.</translation>
        </message>
        <message>
            <source>“{text}” is not a valid phone number.</source>
            <translation>« {text} » n'est pas un numéro de téléphone valide.</translation>
        </message>
        <message>
            <source>“{text}” is not a short number Tunisia's numbering plan lists; check it is right.</source>
            <translation>« {text} » n'est pas un numéro court du plan de numérotation tunisien ; vérifiez-le.</translation>
        </message>
        <message>
            <source>“{text}” holds several numbers; enter one line at a time.</source>
            <translation>« {text} » contient plusieurs numéros ; saisissez une ligne à la fois.</translation>
        </message>
        <message numerus="yes">
            <source>Digits in “{text}”: %n; a Tunisian number has 8 (e.g. 71 563 500).</source>
            <translation>
                <numerusform>« {text} » a %n chiffre ; un numéro tunisien en a 8 (ex. 71 563 500).</numerusform>
                <numerusform>« {text} » a %n chiffres ; un numéro tunisien en a 8 (ex. 71 563 500).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Digits in “{text}”: %n; a Tunisian number has 8 (e.g. 71 563 500). Only a short number or a call centre may have 3 to 5 digits.</source>
            <translation>
                <numerusform>« {text} » a %n chiffre ; un numéro tunisien en a 8 (ex. 71 563 500). Seuls un numéro court ou un centre d'appel peuvent avoir de 3 à 5 chiffres.</numerusform>
                <numerusform>« {text} » a %n chiffres ; un numéro tunisien en a 8 (ex. 71 563 500). Seuls un numéro court ou un centre d'appel peuvent avoir de 3 à 5 chiffres.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>recognition</name>
        <message>
            <source>Call evaluations</source>
            <translation>Évaluations d'appels</translation>
        </message>
        <message>
            <source>Name the award, e.g. Agent of the quarter.</source>
            <translation>Nommez la distinction, ex. Agent du trimestre.</translation>
        </message>
        <message>
            <source>Say why the agent is recognised.</source>
            <translation>Indiquez pourquoi l'agent est distingué.</translation>
        </message>
        <message>
            <source>This agent no longer exists.</source>
            <translation>Cet agent n'existe plus.</translation>
        </message>
        <message>
            <source>This award no longer exists.</source>
            <translation>Cette distinction n'existe plus.</translation>
        </message>
        <message>
            <source>Training hours</source>
            <translation>Heures de formation</translation>
        </message>
        <message>
            <source>Training assessment</source>
            <translation>Évaluation de la formation</translation>
        </message>
    </context>
    <context>
        <name>report</name>
        <message>
            <source>“{text}” is not an ISO time such as 2026-10-01T08:00.</source>
            <translation>« {text} » n'est pas une heure ISO comme 2026-10-01T08:00.</translation>
        </message>
        <message>
            <source>Report for {period} written to {path}.</source>
            <translation>Rapport de {period} enregistré dans {path}.</translation>
        </message>
        <message>
            <source>Command line ({account})</source>
            <translation>Ligne de commande ({account})</translation>
        </message>
        <message>
            <source>The report must be an .xlsx file, not “{name}”.</source>
            <translation>Le rapport doit être un fichier .xlsx, pas « {name} ».</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist.</source>
            <translation>Le dossier {folder} n'existe pas.</translation>
        </message>
        <message>
            <source>Cannot write in the folder {folder} ({reason}); choose another folder.</source>
            <translation>Impossible d'écrire dans le dossier {folder} ({reason}) ; choisissez un autre dossier.</translation>
        </message>
        <message>
            <source>Cannot write {path}: the file is open in another program (Excel?) or read-only; close it and try again.</source>
            <translation>Impossible d'écrire {path} : le fichier est ouvert dans un autre programme (Excel ?) ou en lecture seule ; fermez-le et réessayez.</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}.</source>
            <translation>Impossible d'écrire {path} : {reason}.</translation>
        </message>
        <message>
            <source>The report time must include its time zone.</source>
            <translation>L'heure du rapport doit inclure son fuseau horaire.</translation>
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
            <translation>Requête</translation>
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
            <source>Acknowledgement of receipt</source>
            <translation>Accusé de réception</translation>
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
            <source>E-mail from the citizen</source>
            <translation>Courriel du citoyen</translation>
        </message>
        <message>
            <source>E-mail sent to the citizen</source>
            <translation>Courriel envoyé au citoyen</translation>
        </message>
        <message>
            <source>E-mail not sent</source>
            <translation>Courriel non envoyé</translation>
        </message>
        <message>
            <source>E-mail came back undelivered</source>
            <translation>Courriel revenu sans avoir été remis</translation>
        </message>
        <message>
            <source>Answer not delivered (does not count)</source>
            <translation>Réponse non remise (ne compte pas)</translation>
        </message>
        <message>
            <source>Notice not delivered (does not count)</source>
            <translation>Avis non remis (ne compte pas)</translation>
        </message>
        <message>
            <source>Many documents to consult</source>
            <translation>Nombreux documents à consulter</translation>
        </message>
        <message>
            <source>Coordination with other public bodies</source>
            <translation>Coordination avec d'autres organismes publics</translation>
        </message>
        <message>
            <source>Withdrawn by the citizen</source>
            <translation>Retirée par le citoyen</translation>
        </message>
        <message>
            <source>Not competent: forwarded to the competent body</source>
            <translation>Non compétent : transmise à l'organisme compétent</translation>
        </message>
        <message>
            <source>Assignment withdrawn</source>
            <translation>Attribution retirée</translation>
        </message>
        <message>
            <source>Assigned to {agent}</source>
            <translation>Attribuée à {agent}</translation>
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
            <source>Notice sent in time</source>
            <translation>Avis envoyé dans les délais</translation>
        </message>
        <message>
            <source>Notice sent late</source>
            <translation>Avis envoyé en retard</translation>
        </message>
        <message>
            <source>Name the documents needed or the body to coordinate with.</source>
            <translation>Indiquez les documents nécessaires ou l'organisme avec lequel se coordonner.</translation>
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
            <source>This step is dated more than 15 minutes before now: say why it is entered after the fact.</source>
            <translation>Cette étape est datée de plus de 15 minutes avant maintenant : indiquez pourquoi elle est saisie a posteriori.</translation>
        </message>
        <message>
            <source>This agent no longer exists.</source>
            <translation>Cet agent n'existe plus.</translation>
        </message>
        <message>
            <source>A reception agent works only on requests assigned to them.</source>
            <translation>Un agent d'accueil ne traite que les demandes qui lui sont confiées.</translation>
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
            <source>Write the subject of the request.</source>
            <translation>Indiquez l'objet de la requête.</translation>
        </message>
        <message>
            <source>kind of response</source>
            <translation>type de réponse</translation>
        </message>
        <message>
            <source>Say why the answer needs time: many documents to consult, or coordination with other public bodies (C2.1).</source>
            <translation>Indiquez pourquoi la réponse demande du temps : nombreux documents à consulter, ou coordination avec d'autres organismes publics (C2.1).</translation>
        </message>
        <message>
            <source>Name the documents to consult or the bodies to coordinate with.</source>
            <translation>Nommez les documents à consulter ou les organismes avec lesquels se coordonner.</translation>
        </message>
        <message>
            <source>Give the answer date announced to the sender.</source>
            <translation>Indiquez la date de réponse annoncée à l'expéditeur.</translation>
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
            <source>Request {ref} has no contact: say how the sender was told of the notice.</source>
            <translation>La demande {ref} n'a pas de contact : indiquez comment l'expéditeur a été informé.</translation>
        </message>
        <message>
            <source>The announced answer date must come after the notice.</source>
            <translation>La date de réponse annoncée doit suivre l'avis.</translation>
        </message>
        <message>
            <source>reason for closing</source>
            <translation>motif de clôture</translation>
        </message>
        <message>
            <source>Name the body the request was forwarded to.</source>
            <translation>Nommez l'organisme auquel la demande a été transmise.</translation>
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
            <source>Request {ref} had a notice but no answer: record the answer, or close it as withdrawn or forwarded.</source>
            <translation>La demande {ref} a reçu un avis mais pas de réponse : enregistrez la réponse, ou clôturez-la comme retirée ou transmise.</translation>
        </message>
        <message>
            <source>Forwarded to {body}</source>
            <translation>Transmise à {body}</translation>
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
            <source>“{text}” is not a plausible date (years {first} to {last}).</source>
            <translation>« {text} » n'est pas une date plausible (années {first} à {last}).</translation>
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
            <source>An acknowledgement without its date was ignored.</source>
            <translation>Un accusé de réception sans date a été ignoré.</translation>
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
            <source>Particular category</source>
            <translation>Catégorie particulière</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Échéance</translation>
        </message>
        <message>
            <source>First response at</source>
            <translation>Première réponse le</translation>
        </message>
        <message>
            <source>First response</source>
            <translation>Première réponse</translation>
        </message>
        <message>
            <source>Closed at</source>
            <translation>Clôturée le</translation>
        </message>
        <message>
            <source>Assigned to</source>
            <translation>Attribuée à</translation>
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
        <message>
            <source>Answer</source>
            <translation>Réponse</translation>
        </message>
        <message>
            <source>Notice to the sender</source>
            <translation>Avis à l'expéditeur</translation>
        </message>
    </context>
    <context>
        <name>requests_report</name>
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
            <source>Whole period</source>
            <translation>Toute la période</translation>
        </message>
        <message>
            <source>% in time (legal, 48 h)</source>
            <translation>% dans le délai (légal, 48 h)</translation>
        </message>
        <message>
            <source>% in time (internal target)</source>
            <translation>% dans le délai (objectif interne)</translation>
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
            <source>Notices overdue after their announced answer date</source>
            <translation>Avis dépassant la date de réponse annoncée</translation>
        </message>
        <message>
            <source>Notice</source>
            <translation>Avis</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <source>Answer announced for</source>
            <translation>Réponse annoncée pour le</translation>
        </message>
        <message>
            <source>The sender was told the answer needed documents to consult or coordination with other bodies, and no answer came by the date announced (C2.1).</source>
            <translation>L'expéditeur a été informé que la réponse demandait des documents à consulter ou une coordination avec d'autres organismes, et aucune réponse n'est venue à la date annoncée (C2.1).</translation>
        </message>
        <message>
            <source>Responses entered after the fact</source>
            <translation>Réponses saisies a posteriori</translation>
        </message>
        <message>
            <source>Response</source>
            <translation>Réponse</translation>
        </message>
        <message>
            <source>Dated</source>
            <translation>Datée du</translation>
        </message>
        <message>
            <source>Entered on</source>
            <translation>Saisie le</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>Reason given</source>
            <translation>Motif donné</translation>
        </message>
        <message>
            <source>First responses entered in Istiqbal more than 15 minutes after the time they are dated; rows imported from a register are not listed.</source>
            <translation>Premières réponses saisies dans Istiqbal plus de 15 minutes après l'heure dont elles sont datées ; les lignes importées d'un registre ne sont pas listées.</translation>
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
            <source>Category</source>
            <translation>Catégorie</translation>
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
            <source>{ref} — {subject} (answer announced for {when})</source>
            <translation>{ref} — {subject} (réponse annoncée pour le {when})</translation>
        </message>
        <message>
            <source>Requests overdue after notice</source>
            <translation>Demandes en retard après avis</translation>
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
        <name>sections_lines</name>
        <message>
            <source>Indicators</source>
            <translation>Indicateurs</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicateur</translation>
        </message>
        <message>
            <source>This period</source>
            <translation>Cette période</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>Période précédente</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Inventory at the end of the period</source>
            <translation>Inventaire en fin de période</translation>
        </message>
        <message>
            <source>Kind of line</source>
            <translation>Type de ligne</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Lignes</translation>
        </message>
        <message>
            <source>Checked in the period</source>
            <translation>Contrôlées dans la période</translation>
        </message>
        <message>
            <source>Published on the website</source>
            <translation>Publiées sur le site web</translation>
        </message>
        <message>
            <source>Lines checked by kind</source>
            <translation>Lignes contrôlées par type</translation>
        </message>
        <message>
            <source>Test calls in the period, by result</source>
            <translation>Appels de contrôle de la période, par résultat</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>Contrôles</translation>
        </message>
        <message>
            <source>Results of the test calls</source>
            <translation>Résultats des appels de contrôle</translation>
        </message>
        <message>
            <source>Faults reported or still open in the period</source>
            <translation>Pannes signalées ou encore ouvertes dans la période</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>Signalée le</translation>
        </message>
        <message>
            <source>Symptom</source>
            <translation>Symptôme</translation>
        </message>
        <message>
            <source>Operator ticket</source>
            <translation>Ticket de l'opérateur</translation>
        </message>
        <message>
            <source>Repaired</source>
            <translation>Réparée le</translation>
        </message>
        <message>
            <source>Hours to repair</source>
            <translation>Heures de réparation</translation>
        </message>
        <message>
            <source>A fault without a repair date was still open at the end of the period.</source>
            <translation>Une panne sans date de réparation était encore ouverte en fin de période.</translation>
        </message>
        <message>
            <source>Lines forwarded to an agent's phone (C2.4)</source>
            <translation>Lignes renvoyées vers le téléphone d'un agent (C2.4)</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Forwarded to</source>
            <translation>Renvoyé vers</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Du</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Au</translation>
        </message>
        <message>
            <source>Phone lines</source>
            <translation>Lignes téléphoniques</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>Site web</translation>
        </message>
        <message>
            <source>Letters to citizens</source>
            <translation>Courriers aux citoyens</translation>
        </message>
        <message>
            <source>Posters</source>
            <translation>Affiches</translation>
        </message>
        <message>
            <source>Forms and administrative documents</source>
            <translation>Formulaires et documents administratifs</translation>
        </message>
        <message>
            <source>Numbers published, by channel (C8.1)</source>
            <translation>Numéros publiés, par support (C8.1)</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Support</translation>
        </message>
        <message>
            <source>Active lines published</source>
            <translation>Lignes actives publiées</translation>
        </message>
        <message>
            <source>Share of active lines (%)</source>
            <translation>Part des lignes actives (%)</translation>
        </message>
        <message>
            <source>Retired lines still published</source>
            <translation>Lignes retirées encore publiées</translation>
        </message>
        <message>
            <source>Lines whose latest check failed</source>
            <translation>Lignes dont le dernier contrôle a échoué</translation>
        </message>
        <message>
            <source>Line faults not repaired</source>
            <translation>Pannes de lignes non réparées</translation>
        </message>
        <message>
            <source>{task} — {line}, due {date}</source>
            <translation>{task} — {line}, prévue le {date}</translation>
        </message>
        <message>
            <source>Line maintenance overdue</source>
            <translation>Maintenances de lignes en retard</translation>
        </message>
        <message>
            <source>{line} → {agent}, {target}, until {until}</source>
            <translation>{line} → {agent}, {target}, jusqu'au {until}</translation>
        </message>
        <message>
            <source>Lines forwarded now</source>
            <translation>Lignes renvoyées en ce moment</translation>
        </message>
        <message numerus="yes">
            <source>Lines not checked for %n d</source>
            <translation>
                <numerusform>Lignes non contrôlées depuis %n jour</numerusform>
                <numerusform>Lignes non contrôlées depuis %n jours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{line} (open for %n d)</source>
            <translation>
                <numerusform>{line} (ouverte depuis %n jour)</numerusform>
                <numerusform>{line} (ouverte depuis %n jours)</numerusform>
            </translation>
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
            <source>The answer time cannot exceed 48 hours: circular 2/2020 (C2.1) sets 48 hours as the maximum; a shorter internal target is allowed.</source>
            <translation>Le délai de réponse ne peut dépasser 48 heures : la circulaire 2/2020 (C2.1) fixe 48 heures au plus ; un objectif interne plus court est permis.</translation>
        </message>
        <message>
            <source>The pickup time cannot exceed 300 seconds: circular 8/2020 (C8.2) asks to pick up in less than five minutes; a shorter time is allowed.</source>
            <translation>Le délai de décroché ne peut dépasser 300 secondes : la circulaire 8/2020 (C8.2) demande de décrocher en moins de cinq minutes ; un délai plus court est permis.</translation>
        </message>
        <message>
            <source>The language is one of ar, fr or en, not “{value}”.</source>
            <translation>La langue est ar, fr ou en, pas « {value} ».</translation>
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
            <source>{file} says it is UTF-8 but holds bytes that are not (at byte {at}); save it again as UTF-8 CSV.</source>
            <translation>{file} se déclare en UTF-8 mais contient des octets qui ne le sont pas (à l'octet {at}) ; enregistrez-le de nouveau en CSV UTF-8.</translation>
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
        <name>training</name>
        <message>
            <source>Training hours per agent and topic</source>
            <translation>Heures de formation par agent et par thème</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>Matricule</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>Période précédente</translation>
        </message>
        <message>
            <source>Hours of sessions attended in the period (C8.5, C8.6).</source>
            <translation>Heures des sessions suivies pendant la période (C8.5, C8.6).</translation>
        </message>
        <message>
            <source>On site</source>
            <translation>Sur place</translation>
        </message>
        <message>
            <source>Remote</source>
            <translation>À distance</translation>
        </message>
        <message>
            <source>Sessions held</source>
            <translation>Sessions tenues</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Intitulé</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Thème</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>Heures</translation>
        </message>
        <message>
            <source>Trainer</source>
            <translation>Formateur</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <source>Attended</source>
            <translation>Présent</translation>
        </message>
        <message>
            <source>Person-hours per topic</source>
            <translation>Heures-personnes par thème</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Non</translation>
        </message>
        <message>
            <source>Reference guides and procedure manuals</source>
            <translation>Guides de référence et manuels de procédures</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Reviewed on</source>
            <translation>Révisé le</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>Prochaine révision</translation>
        </message>
        <message>
            <source>Out of date</source>
            <translation>Périmé</translation>
        </message>
        <message>
            <source>Agents who read this version</source>
            <translation>Agents ayant lu cette version</translation>
        </message>
        <message>
            <source>Active agents</source>
            <translation>Agents en fonction</translation>
        </message>
        <message>
            <source>C8.3: the same right answer whoever answers.</source>
            <translation>C8.3 : la même bonne réponse, quel que soit l'agent.</translation>
        </message>
        <message>
            <source>Legal and procedural updates</source>
            <translation>Mises à jour juridiques et procédurales</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Résumé</translation>
        </message>
        <message>
            <source>Agents informed</source>
            <translation>Agents informés</translation>
        </message>
        <message>
            <source>Active agents not yet informed</source>
            <translation>Agents actifs pas encore informés</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Formation</translation>
        </message>
        <message>
            <source>Agents trained to serve each particular category (C8.6)</source>
            <translation>Agents formés à l'accueil de chaque catégorie particulière (C8.6)</translation>
        </message>
        <message>
            <source>Particular category</source>
            <translation>Catégorie particulière</translation>
        </message>
        <message>
            <source>Active agents trained</source>
            <translation>Agents en fonction formés</translation>
        </message>
        <message>
            <source>A session on serving all particular categories counts for each of them.</source>
            <translation>Une session sur l'accueil de toutes les catégories particulières compte pour chacune d'elles.</translation>
        </message>
        <message>
            <source>Awards to outstanding agents (C8.5)</source>
            <translation>Récompenses des agents méritants (C8.5)</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>Récompense</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <source>Ranking of the agents (C8.5)</source>
            <translation>Classement des agents (C8.5)</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Rang</translation>
        </message>
        <message>
            <source>Composite score</source>
            <translation>Note composite</translation>
        </message>
        <message>
            <source>Training hours</source>
            <translation>Heures de formation</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>Évaluation</translation>
        </message>
        <message>
            <source>Awards</source>
            <translation>Récompenses</translation>
        </message>
        <message>
            <source>The ranking the awards were chosen from: the best {n} of the period.</source>
            <translation>Le classement d'où les récompenses ont été choisies : les {n} meilleurs de la période.</translation>
        </message>
        <message>
            <source>{reference}: not yet told to {names}</source>
            <translation>{reference} : pas encore communiqué à {names}</translation>
        </message>
        <message>
            <source>Legal updates not yet passed on to every agent</source>
            <translation>Mises à jour juridiques pas encore transmises à tous les agents</translation>
        </message>
        <message>
            <source>{agent}: {rule}, due since {date}</source>
            <translation>{agent} : {rule}, dû depuis le {date}</translation>
        </message>
        <message>
            <source>Agents not trained per the plan</source>
            <translation>Agents non formés selon le plan</translation>
        </message>
        <message>
            <source>{title} (version {version}), review due {date}</source>
            <translation>{title} (version {version}), révision due le {date}</translation>
        </message>
        <message>
            <source>Guides out of date</source>
            <translation>Guides périmés</translation>
        </message>
        <message>
            <source>{agent} has not read {title} (version {version})</source>
            <translation>{agent} n'a pas lu {title} (version {version})</translation>
        </message>
        <message>
            <source>Agents who have not read the current guide</source>
            <translation>Agents n'ayant pas lu le guide en vigueur</translation>
        </message>
        <message>
            <source>{post}: {item} — {condition}</source>
            <translation>{post} : {item} — {condition}</translation>
        </message>
        <message>
            <source>Missing or broken equipment</source>
            <translation>Équipement manquant ou en panne</translation>
        </message>
        <message>
            <source>Give the session a title.</source>
            <translation>Donnez un intitulé à la session.</translation>
        </message>
        <message>
            <source>A session lasts more than 0 and at most 200 hours.</source>
            <translation>Une session dure plus de 0 et au plus 200 heures.</translation>
        </message>
        <message>
            <source>An agent is listed twice among the attendees.</source>
            <translation>Un agent figure deux fois parmi les participants.</translation>
        </message>
        <message>
            <source>One of the attendees no longer exists.</source>
            <translation>Un des participants n'existe plus.</translation>
        </message>
        <message>
            <source>{name} was not working on {day} (not started yet or already left), so cannot have attended this session.</source>
            <translation>{name} n'était pas en fonction le {day} (pas encore arrivé ou déjà parti) : il ne peut pas avoir assisté à cette session.</translation>
        </message>
        <message>
            <source>An assessment score is between 0 and 100.</source>
            <translation>Une note d'évaluation est comprise entre 0 et 100.</translation>
        </message>
        <message>
            <source>{name} is marked absent, so cannot have an assessment score.</source>
            <translation>{name} est noté absent : il ne peut pas avoir de note d'évaluation.</translation>
        </message>
        <message>
            <source>This training session no longer exists.</source>
            <translation>Cette session de formation n'existe plus.</translation>
        </message>
        <message>
            <source>Give the rule a name.</source>
            <translation>Donnez un nom à la règle.</translation>
        </message>
        <message>
            <source>Repeat every 1 to 120 months, or only once.</source>
            <translation>Répéter tous les 1 à 120 mois, ou une seule fois.</translation>
        </message>
        <message>
            <source>The first training is due within 0 to 60 months.</source>
            <translation>La première formation est due dans un délai de 0 à 60 mois.</translation>
        </message>
        <message>
            <source>This rule no longer exists.</source>
            <translation>Cette règle n'existe plus.</translation>
        </message>
    </context>
    <context>
        <name>user_categories</name>
        <message>
            <source>“{code}” is not a particular category of users.</source>
            <translation>« {code} » n'est pas une catégorie particulière d'usagers.</translation>
        </message>
        <message>
            <source>The category “{name}” is no longer in use; choose another one.</source>
            <translation>La catégorie « {name} » n'est plus en usage ; choisissez-en une autre.</translation>
        </message>
        <message>
            <source>Give the category its Arabic and its French name.</source>
            <translation>Donnez à la catégorie son nom en arabe et en français.</translation>
        </message>
        <message>
            <source>A name has at most 200 characters.</source>
            <translation>Un nom compte au plus 200 caractères.</translation>
        </message>
        <message>
            <source>Another category already has this name.</source>
            <translation>Une autre catégorie porte déjà ce nom.</translation>
        </message>
        <message>
            <source>Someone else changed the list of categories meanwhile; it was reloaded.</source>
            <translation>Quelqu'un d'autre a modifié la liste des catégories entre-temps ; elle a été rechargée.</translation>
        </message>
        <message>
            <source>Keep at least one category in use (C8.6).</source>
            <translation>Gardez au moins une catégorie en usage (C8.6).</translation>
        </message>
        <message>
            <source>“{name}” is carried by past requests or training sessions: deactivate it instead, so that the reports keep counting them.</source>
            <translation>« {name} » figure sur des demandes ou des sessions de formation passées : désactivez-la plutôt, pour que les rapports continuent de les compter.</translation>
        </message>
    </context>
    <context>
        <name>web</name>
        <message>
            <source>The page answered.</source>
            <translation>La page a répondu.</translation>
        </message>
        <message>
            <source>The address is not a web address (http:// or https://).</source>
            <translation>L'adresse n'est pas une adresse web (http:// ou https://).</translation>
        </message>
        <message>
            <source>The address redirects too many times (a loop).</source>
            <translation>L'adresse redirige trop de fois (une boucle).</translation>
        </message>
        <message>
            <source>The site did not answer in time.</source>
            <translation>Le site n'a pas répondu à temps.</translation>
        </message>
        <message>
            <source>The site's certificate is not valid for this address.</source>
            <translation>Le certificat du site n'est pas valable pour cette adresse.</translation>
        </message>
        <message>
            <source>The site answered with error {status}.</source>
            <translation>Le site a répondu par l'erreur {status}.</translation>
        </message>
        <message>
            <source>The site cannot be reached (address unknown or down).</source>
            <translation>Le site est injoignable (adresse inconnue ou hors service).</translation>
        </message>
        <message>
            <source>The page is larger than the limit; only its start was read.</source>
            <translation>La page dépasse la limite ; seul son début a été lu.</translation>
        </message>
        <message>
            <source>The page inflates to more than the limit; it was not read.</source>
            <translation>La page décompressée dépasse la limite ; elle n'a pas été lue.</translation>
        </message>
        <message>
            <source>The page answers but says it does not exist.</source>
            <translation>La page répond mais dit qu'elle n'existe pas.</translation>
        </message>
        <message>
            <source>The page asks to sign in before showing the service.</source>
            <translation>La page demande de se connecter avant de montrer le service.</translation>
        </message>
    </context>
    <context>
        <name>website</name>
        <message>
            <source>Shown, in the inventory</source>
            <translation>Affiché, dans l'inventaire</translation>
        </message>
        <message>
            <source>On the site, not in the inventory</source>
            <translation>Sur le site, absent de l'inventaire</translation>
        </message>
        <message>
            <source>On the site, but the line is retired</source>
            <translation>Sur le site, mais la ligne est retirée</translation>
        </message>
        <message>
            <source>On the site, but the line is faulty</source>
            <translation>Sur le site, mais la ligne est en panne</translation>
        </message>
        <message>
            <source>Marked “on website”, not found on the site</source>
            <translation>Marquée « sur le site », introuvable sur le site</translation>
        </message>
        <message>
            <source>Shown on the site, not marked “on website”</source>
            <translation>Affichée sur le site, non marquée « sur le site »</translation>
        </message>
        <message>
            <source>The page could not be read as HTML.</source>
            <translation>La page n'a pas pu être lue comme du HTML.</translation>
        </message>
        <message>
            <source>Give the website's address in Settings first.</source>
            <translation>Indiquez d'abord l'adresse du site dans les paramètres.</translation>
        </message>
        <message>
            <source>“{url}” is not a web address (http:// or https://).</source>
            <translation>« {url} » n'est pas une adresse web (http:// ou https://).</translation>
        </message>
        <message>
            <source>The website {url} cannot be read: {reason}</source>
            <translation>Le site {url} ne peut pas être lu : {reason}</translation>
        </message>
        <message>
            <source>This audit or line no longer exists.</source>
            <translation>Cet audit ou cette ligne n'existe plus.</translation>
        </message>
        <message>
            <source>That audit did not find this line on the site.</source>
            <translation>Cet audit n'a pas trouvé cette ligne sur le site.</translation>
        </message>
        <message>
            <source>Pages read: {n}.</source>
            <translation>Pages lues : {n}.</translation>
        </message>
        <message>
            <source>The published e-mail address is on the front page.</source>
            <translation>L'adresse e-mail publiée figure en page d'accueil.</translation>
        </message>
        <message>
            <source>The published e-mail address is NOT on the front page (C2.1).</source>
            <translation>L'adresse e-mail publiée NE figure PAS en page d'accueil (C2.1).</translation>
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
