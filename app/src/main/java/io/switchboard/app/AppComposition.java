package io.switchboard.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.switchboard.app.ui.ExecutorScheduler;
import io.switchboard.app.about.AboutViewModel;
import io.switchboard.app.buddylist.BuddyListView;
import io.switchboard.app.buddylist.BuddyListViewModel;
import io.switchboard.app.buddylist.PhoneStatusFile;
import io.switchboard.app.call.DesktopAudioEndpoints;
import io.switchboard.app.call.DeviceCallAudio;
import io.switchboard.app.call.SharedAudioDevices;
import io.switchboard.app.call.SharedMediaEngine;
import io.switchboard.app.call.CallModes;
import io.switchboard.app.call.SoftphoneCalls;
import io.switchboard.app.call.SwitchableCallService;
import io.switchboard.app.call.SoftphoneFactory;
import io.switchboard.app.chat.ChatViewModel;
import io.switchboard.app.chat.ChatWindowView;
import io.switchboard.app.chat.HostServicesLinkOpener;
import io.switchboard.app.directory.CompanyDirectory;
import io.switchboard.app.directory.DirectoryAccess;
import io.switchboard.app.directory.DirectoryActions;
import io.switchboard.app.directory.DirectoryCallerId;
import io.switchboard.app.directory.DirectorySearchView;
import io.switchboard.app.directory.DirectorySearchViewModel;
import io.switchboard.app.directory.PhoneRegion;
import io.switchboard.app.main.MainCentreView;
import io.switchboard.app.main.MainWindowView;
import io.switchboard.app.main.MainWindowViewModel;
import io.switchboard.app.phone.CallWindows;
import io.switchboard.app.phone.ContactLookup;
import io.switchboard.app.phone.DialViewModel;
import io.switchboard.app.phone.Dialer;
import io.switchboard.app.phone.PhoneModeViewModel;
import io.switchboard.app.phone.PhoneViewModel;
import io.switchboard.app.phone.VoicemailViewModel;
import io.switchboard.app.preset.PresetKey;
import io.switchboard.app.preset.SystemPreset;
import io.switchboard.app.preset.SystemPresetFile;
import io.switchboard.app.presence.AppInputIdleTimeSource;
import io.switchboard.app.presence.AutoAwayController;
import io.switchboard.app.presence.IdleTimeSource;
import io.switchboard.app.presence.IdleTimeSources;
import io.switchboard.app.settings.AppSettings;
import io.switchboard.app.settings.CommandRunner;
import io.switchboard.app.settings.CredentialVault;
import io.switchboard.app.settings.CredentialVaults;
import io.switchboard.app.settings.PlatformDirectories;
import io.switchboard.app.settings.ProcessCommandRunner;
import io.switchboard.app.settings.SettingsModel;
import io.switchboard.app.settings.SettingsStore;
import io.switchboard.app.settings.Theme;
import io.switchboard.app.signin.ProtocolSessionFactory;
import io.switchboard.app.signin.SessionFactory;
import io.switchboard.app.signin.SipSessionFactory;
import io.switchboard.app.signin.SignInView;
import io.switchboard.app.signin.SignInViewModel;
import io.switchboard.app.signin.SignedIn;
import io.switchboard.app.signin.XmppSessionFactory;
import io.switchboard.app.recents.CallHistoryStore;
import io.switchboard.app.recents.RecentsViewModel;
import io.switchboard.app.sip.SipBuddyListKeeper;
import io.switchboard.app.sip.SipBuddyListStore;
import io.switchboard.app.ui.Background;
import io.switchboard.app.ui.ExecutorBackground;
import io.switchboard.app.ui.FxDispatcher;
import io.switchboard.app.notify.DesktopNotifier;
import io.switchboard.app.ui.UiDispatcher;
import io.switchboard.app.ui.WindowHost;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.PresenceColour;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.core.service.ServiceException;
import io.switchboard.core.version.SwitchboardVersion;
import io.switchboard.directory.DirectoryLocations;
import io.switchboard.directory.LdapDirectoryService;
import io.switchboard.directory.LdapPeopleDirectory;
import io.switchboard.directory.PhoneNumbers;
import io.switchboard.media.MediaSettings;
import io.switchboard.media.RtpPortRange;
import io.switchboard.media.SrtpPolicy;
import io.switchboard.media.device.AudioDevicePreferences;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.app.call.PhoneLineFailures;
import io.switchboard.core.service.SignInException;
import io.switchboard.sip.client.SipClientSession;
import io.switchboard.sip.client.SipPhone;
import io.switchboard.sip.client.SipPhoneLine;
import io.switchboard.sip.stack.SipStackFactory;
import io.switchboard.sip.ua.SipUserAgentSettings;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Application;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that builds the client: settings, password vault, threads, dispatcher,
 * session factory, view models and views, and the switch between the sign-in and the main
 * window. Nothing else constructs services.
 */
public final class AppComposition {

    private static final Logger LOG = LoggerFactory.getLogger(AppComposition.class);
    private static final String STYLESHEET = "/io/switchboard/app/app.css";
    private static final String CALL_STYLESHEET = "/io/switchboard/app/phone/call.css";
    /** A contact list slower to load than this does not keep the main window from showing. */
    private static final Duration SHOW_MAIN_AT_MOST_AFTER = Duration.ofSeconds(1);
    /**
     * What the switch to the main window needs beyond the sign-in form: loaded while the form
     * is shown, so the first switch does not load them on the UI thread.
     */
    private static final java.util.List<String> MAIN_WINDOW_CLASSES = java.util.List.of(
            "io.switchboard.app.main.MainWindowView",
            "io.switchboard.app.main.MainWindowViewModel",
            "io.switchboard.app.buddylist.BuddyListView",
            "io.switchboard.app.buddylist.BuddyListViewModel",
            "io.switchboard.app.buddylist.BuddyCell",
            "io.switchboard.app.buddylist.GroupedRows",
            "io.switchboard.app.buddylist.ContactItem",
            "io.switchboard.app.buddylist.ContactChanges",
            "io.switchboard.app.chat.ChatViewModel",
            "io.switchboard.app.chat.ChatWindowView",
            "io.switchboard.app.directory.DirectorySearchView",
            "io.switchboard.app.directory.DirectorySearchViewModel",
            "io.switchboard.app.directory.DirectoryResultCell",
            "org.kordamp.ikonli.material2.Material2AL",
            "org.kordamp.ikonli.material2.Material2MZ",
            "atlantafx.base.controls.Message",
            "atlantafx.base.controls.MessageSkin",
            "atlantafx.base.controls.CustomTextField",
            "atlantafx.base.controls.CustomTextFieldSkin",
            "atlantafx.base.controls.Spacer",
            "javafx.scene.control.skin.ListViewSkin",
            "javafx.scene.control.skin.VirtualFlow",
            "javafx.scene.control.skin.ListCellSkin",
            "javafx.scene.control.skin.ComboBoxListViewSkin",
            "javafx.scene.control.skin.ComboBoxPopupControl",
            "javafx.scene.control.skin.MenuBarSkin",
            "javafx.scene.control.skin.MenuButtonSkin",
            "javafx.scene.control.skin.ToggleButtonSkin",
            "javafx.scene.control.skin.ScrollBarSkin",
            "javafx.scene.control.skin.TabPaneSkin",
            "com.sun.javafx.scene.control.behavior.ListViewBehavior",
            "com.sun.javafx.scene.control.behavior.ComboBoxListViewBehavior",
            "com.sun.javafx.scene.control.behavior.MenuButtonBehavior",
            "com.sun.javafx.scene.control.behavior.ToggleButtonBehavior",
            "com.sun.javafx.scene.control.behavior.TabPaneBehavior");

    private final LaunchOptions options;
    private final Map<String, String> environment;
    private final PlatformDirectories directories;

    /** What IT preset for every user of the computer (ADR 0031); read once at start. */
    private SystemPreset preset = SystemPreset.NONE;
    private AboutViewModel about;
    private SettingsStore settingsStore;
    private SettingsModel settings;
    private CredentialVault vault;
    private ExecutorService workers;
    private ExecutorService settingsWriter;
    /**
     * The company directory's blocking calls (searches, cards, caller lookups): threads of their own,
     * so a directory that stops answering holds neither the UI nor the session's workers.
     */
    private ExecutorService directoryWorkers;
    private ScheduledExecutorService idleChecks;
    /** UI timers (typing pauses, the reconnect countdown): one thread for the whole run. */
    private ExecutorScheduler timers;
    private UiDispatcher ui;
    private Background background;
    private SessionFactory sessions;
    private AppInputIdleTimeSource appInput;
    private IdleTimeSource idleTime;
    /** The process's one media engine, started at the first SIP sign-in, closed at exit. */
    private SharedMediaEngine media;
    /** The sound devices, opened at the first call or visit to the preferences, closed at exit. */
    private SharedAudioDevices audioDevices;
    private SoftphoneFactory softphones;
    private CallHistoryStore callHistory;
    /** Read by auto-away on its scheduler thread; follows the settings. */
    private volatile Duration autoAwayAfter;

    private Stage stage;
    /** The primary stage's one scene and root, created with the first window. */
    private WindowHost windows;
    private boolean firstSignIn = true;
    private ClientSession session;
    private ScheduledFuture<?> autoAway;

    /** The per-sign-in part of the UI: chat and buddy list live exactly as long as one session. */
    private ChatViewModel chat;
    private ChatWindowView chatWindow;
    /** How national numbers read on this computer, until a server says otherwise (see {@link #phoneNumbers()}). */
    private CompletableFuture<PhoneNumbers> localNumbers;
    private BuddyListViewModel buddies;
    /** The session's company directory (closed at sign-out) and the search above the buddy list. */
    private DirectoryAccess directory;
    private DirectorySearchViewModel directorySearch;
    /** The softphone (null without a phone, and until it has started). */
    private volatile SoftphoneCalls softphone;
    /** The SIP phone line next to an XMPP session with a phone server (null otherwise). */
    private volatile SipPhoneLine phoneLine;
    /** Softphone or desk phone for the calls (null without a phone, and until the softphone started). */
    private volatile CallModes callModes;
    private PhoneViewModel phone;
    private PhoneModeViewModel phoneMode;
    private RecentsViewModel recents;
    /** The voicemail lamp of the phone (null without one). */
    private VoicemailViewModel voicemail;
    private DesktopNotifier notifier;
    private HostServices hostServices;

    public AppComposition(LaunchOptions options, Map<String, String> environment, PlatformDirectories directories) {
        this.options = Objects.requireNonNull(options, "options");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.directories = Objects.requireNonNull(directories, "directories");
    }

    /** Off the UI thread (file I/O and platform probes): settings, vault, threads, idle time. */
    public void prepare() {
        settingsWriter = Executors.newSingleThreadExecutor(daemon("switchboard-settings"));
        // SIP has no server-side buddy list: the client keeps it, saved by the settings writer
        SipBuddyListKeeper sipBuddies = new SipBuddyListKeeper(
                new SipBuddyListStore(directories.configDir().resolve("sip-buddies")), settingsWriter);
        sessions = new ProtocolSessionFactory(new XmppSessionFactory(), new SipSessionFactory(new SipStackFactory(),
                SipUserAgentSettings.defaults(), Clock.systemUTC(), sipBuddies));
        // first, so it overlaps with everything else that happens before the user can press "Sign in"
        Thread warmUp = new Thread(sessions.warmUp(), "switchboard-protocol-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        // the environment names another file for tests and IT trying a preset out; else the platform's
        preset = SystemPresetFile.locate(environment, directories).read();
        settingsStore = new SettingsStore(directories.settingsFile());
        AppSettings loaded = settingsStore.load();
        if (options.theme().isPresent()) {
            loaded = loaded.withTheme(options.theme().get());
        }
        settings = new SettingsModel(loaded, s -> settingsWriter.execute(() -> save(s)));
        autoAwayAfter = Duration.ofMinutes(loaded.autoAwayMinutes());

        CommandRunner commands = new ProcessCommandRunner();
        vault = new CredentialVaults(directories.os(), commands, directories.configDir().resolve("credentials")).select();

        ui = new FxDispatcher();
        workers = Executors.newFixedThreadPool(3, daemon("switchboard-worker"));
        directoryWorkers = Executors.newCachedThreadPool(daemon("switchboard-directory"));
        background = new ExecutorBackground(workers, ui);
        // read now, on a worker: the first use loads the phone-number metadata, which at the end of a first
        // sign-in held up the UI thread
        localNumbers = CompletableFuture.supplyAsync(AppComposition::phoneNumbers, workers);
        timers = new ExecutorScheduler(ui);

        idleChecks = Executors.newSingleThreadScheduledExecutor(daemon("switchboard-idle"));
        appInput = new AppInputIdleTimeSource(Clock.systemUTC());
        idleTime = IdleTimeSources.select(directories.os(), environment.get("DISPLAY"), commands, appInput);
        media = new SharedMediaEngine(new MediaSettings(RtpPortRange.CISCO_DEFAULT,
                directories.stateDir().resolve("media")));
        // the device watcher and media threads read the choice; the settings model is for the UI thread
        AtomicReference<AudioDevicePreferences> audioChoice = new AtomicReference<>(loaded.audio());
        settings.property().addListener((obs, was, now) -> audioChoice.set(now.audio()));
        audioDevices = new SharedAudioDevices(audioChoice::get);
        AtomicReference<SrtpPolicy> encryption = new AtomicReference<>(loaded.callEncryption());
        settings.property().addListener((obs, was, now) -> encryption.set(now.callEncryption()));
        softphones = new SoftphoneFactory(media, audioDevices, new DesktopAudioEndpoints(audioDevices),
                AudioCapabilities.defaults(), Clock.systemUTC(), encryption::get);
        callHistory = new CallHistoryStore(directories.configDir().resolve("call-history"));
        LOG.info("Settings in {}, passwords in {}", settingsStore.file(), vault.description());
    }

    /** On the UI thread. */
    public void start(Stage primaryStage, HostServices host) {
        this.stage = primaryStage;
        this.hostServices = Objects.requireNonNull(host, "host");
        this.notifier = new DesktopNotifier("Switchboard");
        // the JavaFX runtime sets its version property once started: read here, not in prepare()
        this.about = new AboutViewModel(SwitchboardVersion.current(), System::getProperty);
        applyTheme(settings.get().theme());
        settings.property().addListener((obs, was, now) -> {
            if (was.theme() != now.theme()) {
                applyTheme(now.theme());
            }
            autoAwayAfter = Duration.ofMinutes(now.autoAwayMinutes());
        });
        showSignIn();
        options.smokeTest().ifPresent(dir -> new SmokeTest(dir, stage, options.autoSignIn()).start());
        ClassWarmUp.startFor(MAIN_WINDOW_CLASSES);
    }

    public void stop() {
        stopAutoAway();
        disposeSessionViews();
        // the phone line unregisters with the session below, bounded: a dead network must not hold up closing
        SipPhoneLine line = phoneLine;
        phoneLine = null;
        closeSoftphone();
        if (notifier != null) {
            notifier.close();
        }
        ClientSession current = session;
        session = null;
        if (current != null || line != null) {
            // sign out politely, but do not let a dead network hold up closing the app
            Future<?> closing = workers.submit(() -> {
                if (line != null) {
                    line.close();
                }
                if (current != null) {
                    current.close();
                }
            });
            try {
                closing.get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.info("Signing out at exit did not finish: {}", e.toString());
            }
        }
        media.close();
        audioDevices.close();
        workers.shutdownNow();
        directoryWorkers.shutdown();   // the directory's close at sign-out still runs
        idleChecks.shutdownNow();
        timers.close();
        settingsWriter.shutdown();   // a pending save still completes
        try {
            settingsWriter.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void showSignIn() {
        SignInViewModel viewModel = new SignInViewModel(sessions, settings, vault, background, this::showMain);
        boolean launching = firstSignIn;
        firstSignIn = false;
        if (launching) {
            PresetSignIn.applyDefaults(preset, settings.get(), viewModel);
            LaunchedSignIn.apply(options, environment, viewModel);
            settingsStore.loadProblem().ifPresent(viewModel::showNotice);
        }
        PresetSignIn.applyLocks(preset, options, viewModel);
        viewModel.loadRememberedPassword();
        show(new SignInView(viewModel, about).root(), 440, 680, "Switchboard — Sign in");
        if (launching && options.autoSignIn()) {
            viewModel.signIn();
        }
    }

    /**
     * Prepares the main window behind the sign-in form in short UI tasks (see {@link WindowHost}),
     * and shows it once the buddy list holds the contacts the session signed in with, so the
     * window stays responsive however big the contact list. Shown at once, it held the UI thread
     * for 70–90 ms per pulse on the first sign-in.
     */
    private void showMain(SignedIn signedIn) {
        ClientSession signedInSession = signedIn.session();
        session = signedInSession;
        LOG.info("Signed in as {}", session.self());
        MainWindowViewModel viewModel = new MainWindowViewModel(session, ui, background, timers, settings,
                () -> Optional.of(audioDevices.get()), this::closeSoftphone, this::signedOut);
        signedIn.notice().ifPresent(viewModel::showNotice);
        chat = new ChatViewModel(session, ui, background, notifier, timers, Clock.systemUTC(),
                new HostServicesLinkOpener(hostServices));
        ChatViewModel signedInChat = chat;
        ChatWindowView.buildOnFirstRequest(chat, built -> {
            if (chat == signedInChat) {   // not signed out in between
                chatWindow = built;
            }
        });
        BuddyListContacts contacts = new BuddyListContacts();
        if (session instanceof SipClientSession sip) {
            preparePhone(sip, contacts, () -> softphones.create(sip));
        } else if (signedIn.phoneLine().isPresent()) {
            SipPhoneLine line = signedIn.phoneLine().get();
            phoneLine = line;
            preparePhone(line, contacts, () -> startPhoneLine(line));
        }
        // the buddy list's view model, the directory and the window's nodes in a task each: with the view models
        // above in the sign-in's last task they were 25-35 ms of UI-thread CPU at a first sign-in, and the task
        // took 70-160 ms on two busy cores (the session's threads start on its 2,000 contacts at the same time)
        Platform.runLater(() -> {
            if (session == signedInSession) {   // not signed out in between
                createBuddyList(signedIn, viewModel, contacts);
            }
        });
    }

    private void createBuddyList(SignedIn signedIn, MainWindowViewModel viewModel, BuddyListContacts contacts) {
        BuddyListViewModel buddyList = new BuddyListViewModel(session, ui, background, chat, settings,
                phone == null ? Dialer.NONE : phone,
                new PhoneStatusFile(directories.settingsFile().resolveSibling("phone-status.txt")),
                session.lineStates().or(() -> signedIn.phoneLine().map(SipPhoneLine::lineStates)));
        contacts.list = buddyList;
        buddies = buddyList;
        Platform.runLater(() -> {
            if (buddies != buddyList) {
                return;   // signed out in between
            }
            prepareDirectory(signedIn, buddyList);
            autoAway = new AutoAwayController(idleTime, () -> autoAwayAfter, viewModel.ownPresence()).start(idleChecks);
            String title = "Switchboard — " + session.self();
            Platform.runLater(() -> {
                if (buddies == buddyList) {
                    prepareMain(viewModel, buddyList, title);
                }
            });
        });
    }

    /**
     * The softphone of a SIP sign-in or of an XMPP sign-in's phone line: its view models now, the
     * service once {@code start} is done on a worker (the media engine: about a second at the first
     * start, at once afterwards; for a phone line also its registration).
     */
    private void preparePhone(SipPhone sip, ContactLookup contacts, Callable<SoftphoneCalls> start) {
        // ended calls go to this session's Recents, made next (it calls back through the phone)
        PhoneViewModel calls = new PhoneViewModel(ui, background, timers, Clock.systemUTC(), sip.self(), contacts,
                new DeviceCallAudio(audioDevices, settings), call -> {
            if (recents != null) {
                recents.record(call);
            }
        });
        RecentsViewModel history = new RecentsViewModel(sip.self(), callHistory, settingsWriter, contacts, calls,
                background, Clock.systemDefaultZone());
        new CallWindows(calls, java.util.List.of(stylesheet(STYLESHEET), stylesheet(CALL_STYLESHEET)));
        PhoneModeViewModel modes = new PhoneModeViewModel(background, settings,
                preset.isLocked(PresetKey.CALL_MODE), preset.isLocked(PresetKey.DESK_LINE));
        phone = calls;
        phoneMode = modes;
        recents = history;
        voicemail = new VoicemailViewModel(sip.voicemail(), ui);
        background.submit("starting the softphone of " + sip.self(), start, started -> {
            if (phone == calls) {
                softphone = started;
                // the UI's one call service: the softphone, or the desk phone once the user switches
                SwitchableCallService switchable = new SwitchableCallService(started);
                callModes = new CallModes(sip.userAgent(), sip.self(), started, switchable, Clock.systemUTC());
                calls.attach(switchable, switchable::deskLine);
                modes.attach(callModes);
            } else {
                started.close();   // signed out while the media engine started
            }
        }, failure -> {
            LOG.warn("The softphone of {} could not start: {}", sip.self(), failure.toString());
            calls.unavailable("Calls are unavailable: " + failure.getMessage());
        });
    }

    /**
     * On a worker: registers an XMPP account's phone line, then its softphone. A phone server that
     * does not take the line leaves the main window for IM, with the phone area saying why.
     */
    private SoftphoneCalls startPhoneLine(SipPhoneLine line) throws Exception {
        try {
            line.register();
        } catch (SignInException e) {
            String why = PhoneLineFailures.describe(e, line.phoneServer());
            LOG.warn("The phone line of {} did not register at {}: {} ({})", line.self(), line.phoneServer(), why,
                    e.getMessage());
            throw new ServiceException(why, e);
        }
        return softphones.create(line);
    }

    /**
     * The company directory of this sign-in: its search and caller identification now, the directory
     * itself once the server has said where it is (asked on a worker: a disco#info round trip over
     * XMPP, an XCAP GET over SIP).
     */
    private void prepareDirectory(SignedIn signedIn, BuddyListViewModel buddyList) {
        DirectoryAccess access = new DirectoryAccess();
        PhoneNumbers numbers = localNumbers.isDone() && !localNumbers.isCompletedExceptionally()
                ? localNumbers.join() : phoneNumbers();
        DirectoryActions actions = new DirectoryActions(chat, phone == null ? Dialer.NONE : phone,
                new HostServicesLinkOpener(hostServices), background, session.self(), numbers,
                buddyList::newAddContactForm, buddyList::presenceColour);
        DirectorySearchViewModel search = new DirectorySearchViewModel(access, actions, ui, directoryWorkers, timers);
        directory = access;
        directorySearch = search;
        if (phone != null) {
            phone.identifyCallersWith(new DirectoryCallerId(access, directoryWorkers, ui));
        }
        ClientSession signedInSession = session;
        char[] password = signedIn.password();
        background.submit("finding the company directory of " + session.self(),
                () -> openDirectory(signedInSession, password, numbers),
                found -> {
                    java.util.Arrays.fill(password, '\0');
                    if (found.isPresent() && access.set(found.get())) {
                        LOG.info("Company directory at {}", found.get().url());
                        search.directoryFound();
                    } else {
                        found.ifPresent(d -> directoryWorkers.execute(d.service()::close));   // signed out meanwhile
                        access.none();
                        search.noDirectory();
                    }
                },
                failure -> {
                    java.util.Arrays.fill(password, '\0');
                    LOG.warn("The company directory of {} could not be set up: {}", signedInSession.self(),
                            failure.toString());
                    access.none();
                    search.noDirectory();
                });
    }

    /** On a worker: where the server says the directory is, and a client for it; empty when it names none. */
    private static Optional<CompanyDirectory> openDirectory(ClientSession session, char[] password,
                                                            PhoneNumbers numbers) {
        Optional<DirectoryLocation> location = session.directoryLocation();
        if (location.isEmpty()) {
            LOG.info("The server of {} names no company directory", session.self());
            return Optional.empty();
        }
        // the server says how the company's numbers read (region, extensions); else the computer's country
        PhoneNumbers companyNumbers = location.get().numbering().isPresent()
                ? PhoneNumbers.of(location.get().numbering(), PhoneRegion.FALLBACK) : numbers;
        LdapDirectoryService service = new LdapDirectoryService(LdapPeopleDirectory.create(
                DirectoryLocations.config(location.get(), session.self().local(), password)),
                session.self().domain(), companyNumbers);
        return Optional.of(new CompanyDirectory(service, location.get().url()));
    }

    /**
     * National numbers are read in the computer's country until the server says how the company's
     * numbers read (the directory's search and caller identification then follow the server).
     */
    private static PhoneNumbers phoneNumbers() {
        String region = PhoneRegion.choose(Optional.empty(), java.util.Locale.getDefault());
        try {
            return new PhoneNumbers(region);
        } catch (IllegalArgumentException unknown) {
            LOG.info("Phone numbers are read as {} numbers: {}", PhoneRegion.FALLBACK, unknown.getMessage());
            return new PhoneNumbers(PhoneRegion.FALLBACK);
        }
    }

    private void prepareMain(MainWindowViewModel viewModel, BuddyListViewModel buddyList, String title) {
        StackPane centre = new StackPane();
        Node middle = phone == null ? centre
                : new MainCentreView(new DialViewModel(phone, session.self()), phoneMode, recents, voicemail,
                        centre).root();
        MainWindowView main = new MainWindowView(viewModel, middle, about);
        windows.prepare(main.root(), 400, 680)
                .joinOneByOne(main.top(), 3)
                .joinOneByOne(() -> {
                    BuddyListView list = new BuddyListView(buddyList);
                    DirectorySearchViewModel search = directorySearch;
                    list.onContactCard(search::showCard);
                    javafx.scene.layout.Pane withSearch = new DirectorySearchView(search, list.root(), java.util.List.of(
                            stylesheet(STYLESHEET), BuddyListView.STYLESHEET, DirectorySearchView.STYLESHEET)).root();
                    centre.getChildren().setAll(withSearch);
                    return withSearch;
                }, 2)
                .showWhen(buddyList.loadedProperty(), SHOW_MAIN_AT_MOST_AFTER, title);
    }

    private void signedOut() {
        LOG.info("Signed out");
        stopAutoAway();
        disposeSessionViews();
        session = null;
        showSignIn();
    }

    private void disposeSessionViews() {
        if (phone != null) {
            phone.dispose();
            phone = null;
        }
        phoneMode = null;
        if (recents != null) {
            recents.dispose();
            recents = null;
        }
        if (voicemail != null) {
            voicemail.dispose();
            voicemail = null;
        }
        if (buddies != null) {
            buddies.dispose();
            buddies = null;
        }
        if (directorySearch != null) {
            directorySearch.dispose();
            directorySearch = null;
        }
        if (directory != null) {
            DirectoryAccess closing = directory;
            directory = null;
            directoryWorkers.execute(closing::close);   // unbinds: network, so not on the UI thread
        }
        if (chat != null) {
            chat.closeAll();
            chat.dispose();
            chat = null;
        }
        if (chatWindow != null) {
            chatWindow.stage().ifPresent(Stage::hide);
            chatWindow = null;
        }
    }

    /** Hangs up the softphone's calls and stops it taking new ones; on a worker at sign-out, before the session closes. */
    private void closeSoftphone() {
        CallModes modes = callModes;
        callModes = null;
        if (modes != null) {
            modes.close();   // the CTI session ends with the SIP session
        }
        SoftphoneCalls current = softphone;
        softphone = null;
        if (current != null) {
            current.close();
        }
        SipPhoneLine line = phoneLine;
        phoneLine = null;
        if (line != null) {
            line.close();   // unregisters: calls to this user no longer ring here
        }
    }

    private void stopAutoAway() {
        if (autoAway != null) {
            autoAway.cancel(false);
            autoAway = null;
        }
    }

    /** Shows {@code root} in the primary stage at once (see {@link WindowHost}). */
    private void show(Parent root, double width, double height, String title) {
        if (windows == null) {
            windows = new WindowHost(stage, java.util.List.of(stylesheet(STYLESHEET), BuddyListView.STYLESHEET,
                    stylesheet(CALL_STYLESHEET), DirectorySearchView.STYLESHEET), width, height);
            appInput.watch(windows.scene());
        }
        windows.show(root, width, height, title);
    }

    private String stylesheet(String resource) {
        return Objects.requireNonNull(getClass().getResource(resource), resource).toExternalForm();
    }

    /**
     * Names and presence for the call screens, from the session's buddy list, which is made after
     * the phone (its context menu calls through the phone).
     */
    private static final class BuddyListContacts implements ContactLookup {
        private BuddyListViewModel list;

        @Override
        public String displayName(Address who) {
            return list == null ? who.toString() : list.displayName(who);
        }

        @Override
        public ObservableValue<PresenceColour> presence(Address who) {
            return list == null ? ContactLookup.NONE.presence(who) : list.presenceColour(who);
        }
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void save(AppSettings toSave) {
        try {
            settingsStore.save(toSave);
        } catch (IOException e) {
            LOG.warn("Settings could not be saved to {}: {}", settingsStore.file(), e.toString());
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
