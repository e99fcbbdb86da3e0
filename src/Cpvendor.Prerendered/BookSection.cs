namespace Cpvendor.Prerendered;

/// <summary>The sections of an answer book, in file order (docs/cpapi.md, "the answer book").</summary>
public enum BookSection
{
    /// <summary>The whole envelope of <c>users</c>, exactly as the live path prints it.</summary>
    Users,

    /// <summary>The whole envelope of an administrator's <c>domains</c>.</summary>
    Domains,

    Packages,
    Resellers,
    Admins,
    Php,

    /// <summary>Per user record: eight (offset, length) pairs of u32 into <see cref="Users"/>: the whole object, then each field member in wire order.</summary>
    UserRecords,

    /// <summary>Per user record: (uid, record) of u32, sorted by uid, then by record.</summary>
    UidIndex,

    /// <summary>Per user record: (name offset, name length, record) of u32, sorted by the name's UTF-8 bytes.</summary>
    UsernameIndex,

    /// <summary>The UTF-8 names the two name indexes point into.</summary>
    Names,

    /// <summary>Per domain: (name offset, name length, member offset, member length) of u32, sorted by name.</summary>
    DomainIndex,

    /// <summary>The whole envelope of <c>users --fields=id,username</c>, the projection CloudLinux asks for most.</summary>
    UsersIdUsername,
}
