namespace Cpvendor.Prerendered;

/// <summary>The sections of an answer book, in file order (docs/cpapi.md, "the answer book").</summary>
public enum BookSection
{
    /// <summary>The whole envelope of <c>users</c>, exactly as the live path prints it.</summary>
    Users,

    /// <summary>The whole envelope of an administrator's <c>domains --with-php</c>; the answer without PHP is assembled from <see cref="DomainMembers"/>.</summary>
    DomainsWithPhp,

    Packages,
    Resellers,
    Admins,
    Php,

    /// <summary>Per user record: eight (offset, length) pairs of u32 into <see cref="Users"/>: the whole object, then each field member in wire order.</summary>
    UserRecords,

    /// <summary>Per user record: (uid, record) of u32, sorted by uid, then by record.</summary>
    UidIndex,

    /// <summary>A key index (<see cref="AnswerBookFormat.KeyEntry"/>) of the user records by username.</summary>
    UsernameIndex,

    /// <summary>The keys every key index points into.</summary>
    Keys,

    /// <summary>
    /// Per domain member, in the answer's order: two (offset, length) pairs of u32 into
    /// <see cref="DomainsWithPhp"/>: the whole member, then the member without PHP up to (not
    /// including) its closing brace.
    /// </summary>
    DomainMembers,

    /// <summary>A key index of the domain members by domain name.</summary>
    DomainNameIndex,

    /// <summary>A key index of the domain members by owner.</summary>
    DomainOwnerIndex,

    /// <summary>A key index of the user records by owner.</summary>
    UserOwnerIndex,

    /// <summary>A key index of the user records by package: the owner's length (u32), the owner, then the name.</summary>
    UserPackageIndex,

    /// <summary>Per element of <see cref="Packages"/>: its (offset, length) of u32.</summary>
    PackageElements,

    /// <summary>A key index of the packages by owner.</summary>
    PackageOwnerIndex,

    /// <summary>A key index of the packages by name (with the owner index, whether a package exists).</summary>
    PackageNameIndex,

    /// <summary>Per element of <see cref="Resellers"/>: its (offset, length) of u32.</summary>
    ResellerElements,

    /// <summary>A key index of the resellers by name.</summary>
    ResellerNameIndex,

    /// <summary>A key index of the resellers by id, in decimal.</summary>
    ResellerIdIndex,

    /// <summary>Per element of <see cref="Admins"/>: its (offset, length) of u32.</summary>
    AdminElements,

    /// <summary>A key index of the administrators by name.</summary>
    AdminNameIndex,

    /// <summary>A key index of the administrators by <c>is_main</c>: the key <c>true</c> or <c>false</c>.</summary>
    AdminIsMainIndex,

    /// <summary>
    /// The store's change log (migration 8) at the generation the file was rendered from: its
    /// position (i64), then its epoch (UTF-8). A patch (<see cref="PatchSection"/>) is built from
    /// the changes after a book's position.
    /// </summary>
    Log,
}
