//! `corpus-cli analyze`: read every input, analyze in parallel, report in input order as each
//! document is ready (streamed: memory does not grow with the number of inputs).

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use clap::Args;

use super::{Destination, FileProgress, build_analyzer, thread_pool, write_failure};
use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, InputArgs, OutputArgs, report_error};
use crate::document::{Analyzer, Document};
use crate::reader::{EncodingChoice, Source, Text, Walker};
use crate::report::{self, ReportOptions};
use crate::segment::Segmenter;
use crate::stats::Stopwords;
use crate::summary::SummaryBuilder;
use crate::views::cooccurrence::{self, NAMED_KINDS, Unit};

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,

    /// Add the pairs of people, organizations and places mentioned in the same UNIT
    /// (`"cooccurrence"` in JSON, a table in the table view).
    #[arg(long, value_enum, value_name = "UNIT")]
    pub cooccurrence: Option<Unit>,
}

/// How one input is to be analyzed.
#[derive(Clone, Copy, Debug, Default)]
pub struct Plan {
    /// Split the input into articles first (`--split-articles`).
    pub split: bool,
    /// Add the co-occurring entity pairs of this unit (`--cooccurrence`).
    pub cooccurrence: Option<Unit>,
}

/// The outcome of analyzing one input: its encoding and its documents (one, or one per article
/// with `--split-articles`).
pub type Analyzed = Result<(String, Vec<Document>), String>;

/// Read, decode and analyze one source: whole when it is small, line by line when it is large
/// (see [`Source::open`]); both give the same document.
pub fn analyze_source(
    analyzer: &Analyzer,
    source: &Source,
    encoding: EncodingChoice,
    plan: Plan,
) -> Analyzed {
    analyze_source_with(
        analyzer,
        source,
        encoding,
        plan,
        crate::reader::STREAM_THRESHOLD,
    )
}

/// [`analyze_source`], streaming inputs larger than `threshold` bytes. Splitting a page and
/// co-occurrence units need the whole text, so with either the input is read whole. With
/// `split`, mentions are offsets into the page, so co-occurrence units are the page's sentences
/// or paragraphs and a "document" is each article (its own entities only).
pub fn analyze_source_with(
    analyzer: &Analyzer,
    source: &Source,
    encoding: EncodingChoice,
    plan: Plan,
    threshold: usize,
) -> Analyzed {
    let threshold = if plan.split || plan.cooccurrence.is_some() {
        usize::MAX
    } else {
        threshold
    };
    match source
        .open_with_threshold(encoding, threshold)
        .map_err(|e| e.message())?
    {
        Text::Whole(text, enc) => {
            let mut docs = if plan.split {
                analyzer.analyze_page(&text)
            } else {
                vec![analyzer.analyze(&text)]
            };
            if let Some(unit) = plan.cooccurrence {
                for doc in &mut docs {
                    doc.cooccurrence = Some(cooccurrence::pairs(&text, doc, unit, &NAMED_KINDS));
                }
            }
            Ok((enc.name().to_string(), docs))
        }
        Text::Lines(mut lines) => {
            let mut builder = analyzer.builder();
            let mut line = String::new();
            while lines.read_line(&mut line).map_err(|e| e.message())? {
                builder.push_line(&line);
            }
            Ok((lines.encoding().name().to_string(), vec![builder.finish()]))
        }
    }
}

/// How many finished results a worker of [`ordered_map`] holds before it hands them over.
const HOLD_ITEMS: usize = 8;
/// How long ago the first result a worker of [`ordered_map`] holds must have finished for the
/// worker to hand its results over as soon as it finishes another item.
const HOLD_TIME: Duration = Duration::from_millis(2);

/// Run `work` on every item on the pool's threads and hand the results to `consume` on the
/// calling thread, in input order, once each is next in line and handed over. Workers run at most
/// `window` items ahead of `consume`, so memory stays bounded. Each worker thread keeps a state
/// `S` (a summary of what it saw); the states are returned at the end. When `consume` fails,
/// the workers stop and the error is returned.
///
/// A worker hands its results over a few at a time: when it holds `HOLD_ITEMS` (8) of them, when
/// it finishes an item and the first it holds finished `HOLD_TIME` (2 ms) ago or more, before it
/// waits for the window, and at the end. Waking the calling thread for every small document
/// cost the worker more than the document's own reporting; in exchange a result may reach
/// `consume` as late as the worker's next item takes.
pub fn ordered_map<T, R, S, E>(
    pool: &rayon::ThreadPool,
    items: &[T],
    window: usize,
    work: impl Fn(&T, &mut S) -> R + Sync,
    mut consume: impl FnMut(&T, R) -> Result<(), E>,
) -> Result<Vec<S>, E>
where
    T: Sync,
    R: Send,
    S: Default + Send,
{
    let window = window.max(1);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // How many results `consume` has taken and how many workers wait for that to grow (both
    // under the lock), and the signal that it grew.
    let consumed = (Mutex::new((0usize, 0usize)), Condvar::new());
    let states = Mutex::new(Vec::new());
    let workers = pool.current_num_threads().clamp(1, items.len().max(1));
    let (tx, rx) = mpsc::channel::<Vec<(usize, std::thread::Result<R>)>>();
    let mut outcome = Ok(());
    let mut panicked = None;
    pool.in_place_scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, stop, consumed, states, work) = (&next, &stop, &consumed, &states, &work);
            scope.spawn(move |_| {
                let mut state = S::default();
                // Finished results not handed over yet, and when the first of them finished.
                let mut held = Vec::new();
                let mut held_since = Instant::now();
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= items.len() {
                        break;
                    }
                    let mut done = consumed.0.lock().unwrap_or_else(|e| e.into_inner());
                    if i >= done.0 + window && !held.is_empty() {
                        // The calling thread may be waiting for what this worker holds.
                        drop(done);
                        if tx.send(std::mem::take(&mut held)).is_err() {
                            break;
                        }
                        done = consumed.0.lock().unwrap_or_else(|e| e.into_inner());
                    }
                    while i >= done.0 + window && !stop.load(Ordering::SeqCst) {
                        done.1 += 1;
                        done = consumed.1.wait(done).unwrap_or_else(|e| e.into_inner());
                        done.1 -= 1;
                    }
                    drop(done);
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    // A panic is handed to the calling thread, which stops the others and
                    // resumes it, instead of leaving it waiting for this item forever.
                    let result =
                        panic::catch_unwind(AssertUnwindSafe(|| work(&items[i], &mut state)));
                    let panicked = result.is_err();
                    if held.is_empty() {
                        held_since = Instant::now();
                    }
                    held.push((i, result));
                    if (panicked || held.len() >= HOLD_ITEMS || held_since.elapsed() >= HOLD_TIME)
                        && tx.send(std::mem::take(&mut held)).is_err()
                    {
                        break;
                    }
                }
                if !held.is_empty() {
                    let _ = tx.send(held);
                }
                states.lock().unwrap_or_else(|e| e.into_inner()).push(state);
            });
        }
        drop(tx);
        let mut ready = BTreeMap::new();
        let mut wanted = 0;
        'receive: for batch in rx.iter() {
            ready.extend(batch);
            while let Some(result) = ready.remove(&wanted) {
                let failed = match result {
                    Ok(result) => match consume(&items[wanted], result) {
                        Ok(()) => false,
                        Err(e) => {
                            outcome = Err(e);
                            true
                        }
                    },
                    Err(payload) => {
                        panicked = Some(payload);
                        true
                    }
                };
                if failed {
                    // The workers finish the item they hold and quit.
                    let _lock = consumed.0.lock().unwrap_or_else(|e| e.into_inner());
                    stop.store(true, Ordering::SeqCst);
                    consumed.1.notify_all();
                    break 'receive;
                }
                wanted += 1;
                let mut done = consumed.0.lock().unwrap_or_else(|e| e.into_inner());
                done.0 = wanted;
                if done.1 > 0 {
                    consumed.1.notify_all();
                }
            }
        }
    });
    if let Some(payload) = panicked {
        panic::resume_unwind(payload);
    }
    outcome.map(|()| states.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// A text touching every pass (full-width digits, a dateline, people, organizations, places,
/// dates and numbers), analyzed by [`warm_up`].
const WARM_UP_TEXT: &str = "新华社北京１９９８年１月５日电 国务院总理李鹏昨天在人民大会堂会见了\
联合国秘书长安南和上海合作组织代表团，双方就亚洲金融形势交换了意见。\n\
据国家统计局介绍，去年全国粮食产量达４９００亿公斤，比上年增长３．５％，约有三千多人参加了\
第十五次全国代表大会。（记者王晓红）\n";

/// Build what the pipeline builds on first use — jieba-rs's part-of-speech model and the
/// passes' word lists and patterns — by analyzing a short text with a segmenter that needs no
/// dictionary, so that another thread can load jieba's dictionary meanwhile. What it finds is
/// thrown away; documents are the same with or without it.
pub(super) fn warm_up() {
    let analyzer = Analyzer::new(Segmenter::without_dictionary(), Stopwords::none());
    drop(analyzer.analyze(WARM_UP_TEXT));
}

/// `corpus-cli analyze`.
pub fn run_analyze(args: &AnalyzeArgs) -> u8 {
    if args.input.input_format == super::InputFormat::Jsonl {
        return super::run_analyze_jsonl(args);
    }
    let parallel = super::threads_wanted(args.input.threads) > 1;
    if parallel {
        // Jieba's dictionary loads on this thread while another builds the rest.
        std::thread::spawn(|| drop(panic::catch_unwind(warm_up)));
    }
    let walker = Walker::new(&args.input.glob);
    // With threads to spare, the inputs are listed while the dictionary loads.
    let (analyzer, walked) = std::thread::scope(|scope| {
        let walking = match &walker {
            Ok(w) if parallel => Some(scope.spawn(|| w.expand(&args.input.paths))),
            _ => None,
        };
        (build_analyzer(&args.input), walking.map(|h| h.join()))
    });
    let analyzer = match analyzer {
        Ok(a) => a,
        Err((path, message)) => {
            report_error(&path, &message);
            return EXIT_USAGE;
        }
    };
    let walker = match walker {
        Ok(w) => w,
        Err(message) => {
            let _ = writeln!(io::stderr(), "corpus-cli: {message}");
            return EXIT_USAGE;
        }
    };
    let (sources, walk_errors) = match walked {
        Some(Ok(walked)) => walked,
        Some(Err(payload)) => panic::resume_unwind(payload),
        None => walker.expand(&args.input.paths),
    };
    let single = !args.input.split_articles
        && args.input.paths.len() == 1
        && sources.len() == 1
        && walk_errors.is_empty()
        && {
            let p = &args.input.paths[0];
            p.as_os_str() == "-" || fs::metadata(p).is_ok_and(|m| !m.is_dir())
        };
    let plan = Plan {
        split: args.input.split_articles,
        cooccurrence: args.cooccurrence,
    };
    let destination = match Destination::open(args.output.output.as_deref()) {
        Ok(d) => d,
        Err((path, message)) => {
            report_error(&path, &message);
            return EXIT_USAGE;
        }
    };
    let opts = ReportOptions {
        top: args.output.top,
        single,
    };
    let mut summary = SummaryBuilder::default();
    let result = (|| -> io::Result<()> {
        let writer = destination.writer()?;
        let mut reporter = report::reporter(args.output.format, writer, opts);
        for e in &walk_errors {
            report_error(&e.path, &e.message);
            summary.add_error();
            reporter.error(&e.path, &e.message)?;
        }
        let pool = thread_pool(args.input.threads);
        let mut progress = FileProgress::new(args.input.progress, &sources);
        let window = (pool.current_num_threads() + 1) * 16;
        // Reported documents are freed by the workers, not by this thread, which only writes.
        let reported: Mutex<Vec<Vec<Document>>> = Mutex::new(Vec::new());
        let states = ordered_map(
            &pool,
            &sources,
            window,
            |source, part: &mut SummaryBuilder| {
                drop(std::mem::take(
                    &mut *reported.lock().unwrap_or_else(|e| e.into_inner()),
                ));
                let result = analyze_source(&analyzer, source, args.input.encoding, plan);
                if let Ok((_, docs)) = &result {
                    for doc in docs {
                        part.add_document(doc);
                    }
                }
                result
            },
            |source, result| {
                let name = source.display_name();
                match result {
                    Ok((encoding, docs)) => {
                        for doc in &docs {
                            reporter.document(&name, &encoding, doc)?;
                        }
                        reported
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push(docs);
                    }
                    Err(message) => {
                        progress.suspend(|| report_error(&name, &message));
                        summary.add_error();
                        reporter.error(&name, &message)?;
                    }
                }
                progress.file_done(source);
                io::Result::Ok(())
            },
        )?;
        progress.finish();
        for part in states {
            summary.merge(part);
        }
        reporter.finish(&summary.build(args.output.top))
    })();
    if let Err(e) = result {
        return write_failure(&e, args.output.output.as_deref());
    }
    if summary.documents() == 0 {
        // Nothing was analyzed: an `--output` file is not replaced (dropping the destination
        // removes its temporary file).
        drop(destination);
        if sources.is_empty() && walk_errors.is_empty() {
            let _ = writeln!(
                io::stderr(),
                "corpus-cli: no input files found (folders are searched for '{}')",
                args.input.glob
            );
        }
        return EXIT_USAGE;
    }
    if let Err((path, message)) = destination.commit() {
        report_error(&path, &message);
        return EXIT_USAGE;
    }
    if summary.errors() > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::time::Duration;

    use super::*;

    #[test]
    fn streamed_and_whole_inputs_give_the_same_document() {
        let analyzer = Analyzer::default();
        let text = fs::read_to_string("fixtures/news-page.txt").unwrap();
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in [
            ("utf8.txt", text.as_bytes()),
            ("gbk.txt", &gbk[..]),
            ("utf16.txt", &utf16[..]),
        ] {
            let path = dir.path().join(name);
            fs::write(&path, bytes).unwrap();
            let source = Source::File(path);
            let plan = Plan::default();
            let whole =
                analyze_source_with(&analyzer, &source, EncodingChoice::Auto, plan, usize::MAX);
            let streamed = analyze_source_with(&analyzer, &source, EncodingChoice::Auto, plan, 0);
            let (encoding, docs) = whole.unwrap();
            assert_eq!(streamed.unwrap(), (encoding, docs.clone()), "{name}");
            assert!(!docs[0].entities.person.is_empty());
        }
        let missing = Source::File(PathBuf::from("fixtures/no-such-file.txt"));
        assert!(
            analyze_source_with(
                &analyzer,
                &missing,
                EncodingChoice::Auto,
                Plan::default(),
                0
            )
            .is_err()
        );
    }

    #[test]
    fn ordered_map_keeps_input_order_and_bounds_the_window() {
        let pool = thread_pool(Some(4));
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        let states = ordered_map(
            &pool,
            &items,
            3,
            |&i, count: &mut usize| {
                // Later items finish first, so results arrive out of order.
                std::thread::sleep(Duration::from_micros((200 - i) % 7 * 50));
                *count += 1;
                i * 2
            },
            |&i, doubled| {
                assert_eq!(doubled, i * 2);
                seen.push(i);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, items);
        assert_eq!(states.iter().sum::<usize>(), items.len());
    }

    #[test]
    fn ordered_map_hands_held_results_over_before_waiting_for_the_window() {
        // One worker, a window smaller than what a worker holds: without handing over what it
        // holds before waiting, the worker and the consumer would wait for each other.
        let pool = thread_pool(Some(1));
        let items: Vec<usize> = (0..3 * HOLD_ITEMS).collect();
        let mut seen = Vec::new();
        ordered_map(
            &pool,
            &items,
            1,
            |&i, _: &mut ()| i,
            |_, i| {
                seen.push(i);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, items);
    }

    #[test]
    fn ordered_map_passes_a_worker_panic_on() {
        let pool = thread_pool(Some(2));
        let items: Vec<u32> = (0..100).collect();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            ordered_map(
                &pool,
                &items,
                4,
                |&i, _: &mut ()| {
                    assert_ne!(i, 7, "item seven");
                    i
                },
                |_, _| Ok::<(), ()>(()),
            )
        }));
        assert!(outcome.is_err());
    }

    #[test]
    fn ordered_map_stops_when_the_consumer_fails() {
        let pool = thread_pool(Some(2));
        let items: Vec<u32> = (0..10_000).collect();
        let done = AtomicUsize::new(0);
        let result = ordered_map(
            &pool,
            &items,
            4,
            |&i, _: &mut ()| {
                done.fetch_add(1, Ordering::SeqCst);
                i
            },
            |&i, _| if i == 10 { Err("broken pipe") } else { Ok(()) },
        );
        assert_eq!(result.unwrap_err(), "broken pipe");
        // Workers never ran more than the window ahead of the failed item.
        assert!(done.load(Ordering::SeqCst) <= 10 + 1 + 4 + 2);
    }
}
