#!/usr/bin/env bash
# Builds the node packages from a packaged project (run by `mvn package` after the shaded jar):
#
#   target/jobgen_<version>_all.deb   Debian package, installs under /usr
#   target/jobgen-<version>.tar.gz    the same /usr tree under one top directory jobgen-<version>/
#
# Both are reproducible: every file gets the commit time as mtime (SOURCE_DATE_EPOCH, else the
# time of the last commit, else the jar's fixed entry time), entries are sorted, owners are
# root:root by number, and gzip leaves out names and times. Two builds of one commit give the
# same bytes (src/test/package/run-package-tests.sh checks it).
#
# Usage: build-package.sh PROJECT_DIR TARGET_DIR VERSION [DOCS_CLASSPATH]
#   DOCS_CLASSPATH        the test class path Maven passes (the Markdown parser that turns src/docs
#                         into man pages); without it, jars of the local Maven repository are looked up
# Environment (for tests that need a variant build):
#   JOBGEN_PKG_JAR        the jar to ship        (default TARGET_DIR/jobgen.jar)
#   JOBGEN_PKG_SOURCES    packaging sources      (default the directory of this script)
#   JOBGEN_PKG_GENERATED  man pages, completion and schema made before (default: made now in TARGET_DIR/package-gen)
#   JOBGEN_PKG_OUT        where the two archives go (default TARGET_DIR)
set -euo pipefail
umask 022
export LC_ALL=C TZ=UTC

[[ $# -eq 3 || $# -eq 4 ]] || { echo "usage: build-package.sh PROJECT_DIR TARGET_DIR VERSION [DOCS_CLASSPATH]" >&2; exit 2; }
project=$1 target=$2 version=$3 docs_classpath=${4:-}
sources=${JOBGEN_PKG_SOURCES:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
jar=${JOBGEN_PKG_JAR:-$target/jobgen.jar}
generated=${JOBGEN_PKG_GENERATED:-$target/package-gen}
out=${JOBGEN_PKG_OUT:-$target}
die() { echo "build-package: $*" >&2; exit 1; }

[[ -f $jar ]] || die "$jar missing (the shaded jar is built first in the package phase)"
# the package version and the changelog's newest entry must agree, or dpkg and lintian disagree
changelog_version=$(sed -n '1s/^jobgen (\([^)]*\)).*/\1/p' "$sources/changelog")
[[ $changelog_version == "$version" ]] ||
    die "version $version has no changelog entry: add one at the top of $sources/changelog (newest is '$changelog_version')"

if [[ -z ${SOURCE_DATE_EPOCH:-} ]]; then
    SOURCE_DATE_EPOCH=$(git -C "$project" log -1 --format=%ct 2>/dev/null || true)
fi
if [[ -z $SOURCE_DATE_EPOCH ]]; then
    # not a git checkout (a source tarball): the changelog's date is as fixed as the commit's
    SOURCE_DATE_EPOCH=$(date -d "$(sed -n 's/^ -- .*>  //p' "$sources/changelog" | head -1)" +%s)
fi
export SOURCE_DATE_EPOCH

work=$target/package
root=$work/root
rm -rf "$work"
mkdir -p "$root"

put() { # put MODE SOURCE DEST (relative to the root)
    install -D -m "$1" "$2" "$root/$3"
}
put_gz() { # put_gz SOURCE DEST.gz: man pages and the changelog, compressed without name or time
    mkdir -p "$(dirname "$root/$2")"
    gzip -9nc "$1" >"$root/$2"
    chmod 0644 "$root/$2"
}

put 0755 "$project/src/main/dist/jobgen" usr/bin/jobgen
put 0644 "$jar" usr/lib/jobgen/jobgen.jar
put 0644 "$sources/tmpfiles.conf" usr/lib/tmpfiles.d/jobgen.conf
put 0644 "$sources/copyright" usr/share/doc/jobgen/copyright
put_gz "$sources/changelog" usr/share/doc/jobgen/changelog.gz
[[ -f $sources/lintian-overrides ]] && put 0644 "$sources/lintian-overrides" usr/share/lintian/overrides/jobgen

# Man pages and completion come from the command-line model of the very jar being shipped
# (dev.jobgen.packaging.PackageDocs, compiled with the tests: the jar does not carry it) and from
# the reference under src/docs. The jar comes first on the class path, so its classes are the ones
# described; the rest of the test class path only adds the Markdown parser.
if [[ -z $docs_classpath ]]; then
    commonmark=$(sed -n 's|.*<commonmark.version>\(.*\)</commonmark.version>.*|\1|p' "$project/pom.xml")
    m2=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/org/commonmark
    docs_classpath=$m2/commonmark/$commonmark/commonmark-$commonmark.jar:$m2/commonmark-ext-gfm-tables/$commonmark/commonmark-ext-gfm-tables-$commonmark.jar
fi
if [[ -z ${JOBGEN_PKG_GENERATED:-} ]]; then
    rm -rf "$generated"
    if [[ -f $target/test-classes/dev/jobgen/packaging/PackageDocs.class ]]; then
        java -cp "$target/test-classes:$jar:$docs_classpath" dev.jobgen.packaging.PackageDocs "$generated" "$version" \
            "$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)" "$project/src/docs" || die "generating the man pages and completion failed"
    else
        echo "build-package: WARNING: test classes not compiled (-Dmaven.test.skip?): no man pages, completion or schema" >&2
    fi
fi
if [[ -d $generated ]]; then
    for page in "$generated"/man/*.[0-9]; do
        [[ -e $page ]] || continue
        name=${page##*/}
        put_gz "$page" "usr/share/man/man${name##*.}/$name.gz"
    done
    [[ -f $generated/completion/jobgen.bash ]] && put 0644 "$generated/completion/jobgen.bash" usr/share/bash-completion/completions/jobgen
    [[ -f $generated/completion/_jobgen ]] && put 0644 "$generated/completion/_jobgen" usr/share/zsh/vendor-completions/_jobgen
    [[ -f $generated/catalogue.schema.json ]] && put 0644 "$generated/catalogue.schema.json" usr/share/jobgen/catalogue.schema.json
fi

find "$root" -type d -exec chmod 0755 {} +
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$out"
deb=$out/jobgen_${version}_all.deb
tarball=$out/jobgen-$version.tar.gz
rm -f "$deb" "$tarball"

# tarball: the /usr tree as jobgen-VERSION/{bin,lib,share}; the launcher finds ../lib/jobgen/jobgen.jar
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner --format=gnu \
    --transform="s,^usr,jobgen-$version," -C "$root" -cf - usr | gzip -9n >"$tarball"

if ! command -v dpkg-deb >/dev/null; then
    echo "build-package: dpkg-deb not found: built $tarball only (apt-get install dpkg-dev, or build on Debian)" >&2
    exit 0
fi

control=$root/DEBIAN
mkdir -p "$control"
# as dpkg-gencontrol counts it: each file's size rounded up to KiB, one per directory or link
# (du would count the build file system's directory blocks, which differ between machines)
installed_kib=$(find "$root/usr" -printf '%y %s\n' | awk '$1 == "f" { k += int(($2 + 1023) / 1024); next } { k += 1 } END { print k }')
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_kib/" "$sources/debian/control" >"$control/control"
install -m 0755 "$sources/debian/postinst" "$sources/debian/postrm" "$control/"
(cd "$root" && find usr -type f | sort | xargs md5sum) >"$control/md5sums"
chmod 0644 "$control/control" "$control/md5sums"
find "$control" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "build-package: built $deb and $tarball (mtime $(date -u -d "@$SOURCE_DATE_EPOCH" +%FT%TZ))" >&2
